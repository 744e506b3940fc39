import type { Browser, BrowserContext, Page } from 'playwright-core';
import { actAs, hasChromium, launch, openTab, shot, openPage } from './support/browser';
import { type RunningHost, callFn, newDataDir, startHost } from './support/host';
import { nameSortKey } from '../../cloudfunctions/src/domain/name-sort';

const describeIfBrowser = hasChromium ? describe : describe.skip;

/** 页面上可见的第一个匹配 */
const visible = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`).first();
const waitText = (page: Page, text: string) => visible(page, `text=${text}`).waitFor();
const button = (page: Page, text: string) => page.locator('taro-button-core >> visible=true', { hasText: text }).first();

/** 与页面一致的合计写法：负数用 U+2212 */
const shownTotal = (n: number) => (n < 0 ? `−${Math.abs(n)}` : String(n));

// 两行好的，四行各有一处问题（行号从表头算起，表头是第 1 行）
const GOOD_A = '欧阳青禾';
const GOOD_B = '上官明远';
const CSV = [
  '姓名,手机号,界别,专委会,政治面貌,职务,第一组织关系,功能型支部',
  `${GOOD_A},19987650001,经济界,经济委员会,中共党员,委员,离退休干部党支部,经济委功能型党支部`, // 2 好
  ',19987650002,经济界,,群众,委员,,', // 3 缺姓名
  '司马测甲,12345,教育界,,民盟,委员,,', // 4 手机号不对
  '司马测乙,19987650004,火星界,,无党派,委员,,', // 5 界别不存在
  '司马测丙,19987650005,教育界,,民盟,委员,,经济委功能型党支部', // 6 非党员进功能型支部
  `${GOOD_B},19987650006,中国民主同盟,,民盟,委员,,`, // 7 好
].join('\r\n');

describeIfBrowser('管理员导入与邀请绑定、书记的范围、积分来由与申诉', () => {
  let host: RunningHost;
  let browser: Browser;
  let mobile: BrowserContext;
  let page: Page;

  const roster = (action: string, data: unknown, openid = 'dev_admin') => callFn(host, 'roster', { action, data }, openid);
  const findMember = async (name: string) => {
    const res = await roster('list', { q: name });
    expect(res.body.ok).toBe(true);
    return (res.body.data.items as Array<{ id: string; name: string }>).find((m) => m.name === name);
  };

  beforeAll(async () => {
    host = await startHost(newDataDir());
    browser = await launch();
    mobile = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    page = await mobile.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('管理员选择 CSV：预览按行号列出问题行，导入后好的行进了名册', async () => {
    await openPage(page, `${host.url}/#/admin/import/index`);
    await actAs(page, '周敏');
    await waitText(page, '第一步：准备表格');
    await page
      .locator('input.ui-file-pick__input')
      .first()
      .setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${CSV}`, 'utf8') });
    await waitText(page, '检查结果');
    await waitText(page, '已选：members.csv');

    const bad = page.locator('.bad-row');
    await bad.first().waitFor();
    const rows = await bad.allTextContents();
    const byLine = (n: number) => rows.find((r) => r.includes(`第 ${n} 行`)) ?? '';
    expect(rows).toHaveLength(4);
    expect(byLine(3)).toContain('（无姓名）');
    expect(byLine(4)).toContain('司马测甲');
    expect(byLine(4)).toContain('不是 11 位手机号');
    expect(byLine(5)).toContain('界别“火星界”不存在');
    expect(byLine(6)).toContain('非中共党员不能加入党支部');
    const good = await page.locator('.good-row').allTextContents();
    expect(good.some((r) => r.includes('第 2 行') && r.includes(GOOD_A))).toBe(true);
    expect(good.some((r) => r.includes('第 7 行') && r.includes(GOOD_B))).toBe(true);
    expect(await visible(page, '.summary__item--ok .summary__num').textContent()).toBe('2');
    expect(await visible(page, '.summary__item--bad .summary__num').textContent()).toBe('4');
    await visible(page, '.bad-rows').scrollIntoViewIfNeeded();
    await shot(page, 'e2e-admin-01-import-preview');

    // 此时还没有写入
    expect(await findMember(GOOD_A)).toBeUndefined();
    await button(page, '导入 2 名成员').click();
    await waitText(page, '导入完成');
    await waitText(page, '已导入 2 名成员');
    await shot(page, 'e2e-admin-02-import-done');

    for (const name of [GOOD_A, GOOD_B]) expect(await findMember(name)).toBeDefined();
    for (const name of ['司马测甲', '司马测乙', '司马测丙']) expect(await findMember(name)).toBeUndefined();
    const a = await roster('get', { memberId: (await findMember(GOOD_A))!.id });
    expect(JSON.stringify(a.body.data)).toContain('经济委功能型党支部');
  });

  let inviteCode = '';

  test('管理员在新成员的资料页签发邀请码，屏幕上读到 8 位码', async () => {
    const member = await findMember(GOOD_A);
    expect(member).toBeDefined();
    await openPage(page, `${host.url}/#/admin/member/index?id=${member!.id}`);
    await actAs(page, '周敏');
    await visible(page, `.member-head__name:text-is("${GOOD_A}")`).waitFor();
    await waitText(page, '本人还没有绑定微信');
    await button(page, '签发邀请码').click();
    const code = visible(page, '.invite__code');
    await code.waitFor();
    inviteCode = ((await code.textContent()) ?? '').replace(/\s+/g, '');
    expect(inviteCode).toMatch(/^[A-Z0-9]{8}$/);
    await waitText(page, `${GOOD_A} 的邀请码`);
    await waitText(page, '邀请码只显示这一次');
    await shot(page, 'e2e-admin-03-invite');
  });

  test('新用户凭码绑定：姓名不对先得到服务端的提示，改对后“我的”显示本人', async () => {
    expect(inviteCode).toHaveLength(8);
    await openPage(page, `${host.url}/#/account/bind/index`);
    await actAs(page, '新用户');
    await waitText(page, '绑定委员信息');
    const codeInput = visible(page, 'input[aria-label="邀请码"], .bind__input--code input');
    const nameInput = visible(page, 'input[aria-label="姓名"], .bind__field:has-text("姓名") input');
    // 小写、带空格也可以
    await codeInput.fill(`${inviteCode.slice(0, 4).toLowerCase()} ${inviteCode.slice(4)}`);
    await nameInput.fill('王小二');
    await visible(page, '.bind__submit').click();
    await visible(page, '.bind__error').waitFor();
    expect(await visible(page, '.bind__error').textContent()).toContain('姓名与邀请码不符');
    await shot(page, 'e2e-admin-04-bind-wrong-name');

    await nameInput.fill(GOOD_A);
    await visible(page, '.bind__submit').click();
    // 绑定后回到「我的」，显示导入时登记的资料
    await page.waitForURL(/pages\/mine\/index/);
    await waitText(page, GOOD_A);
    await waitText(page, '经济委功能型党支部');
    expect(await page.locator('text=/尚未绑定/ >> visible=true').count()).toBe(0);
    await shot(page, 'e2e-admin-05-bound-mine');

    const me = await callFn(host, 'member', { action: 'me' }, 'dev_unbound');
    expect(me.body.data?.name).toBe(GOOD_A);
    // 码只能用一次
    const again = await callFn(host, 'member', { action: 'bind', data: { code: inviteCode, name: GOOD_A } }, 'dev_non_cpc');
    expect(again.body.ok).toBe(false);
  });

  test('书记只看到本支部的成员；取别的支部成员的资料被拒绝', async () => {
    const liu = await findMember('刘洋');
    expect(liu).toBeDefined();

    await openPage(page, `${host.url}/#/admin/members/index`);
    await actAs(page, '李建国');
    await visible(page, '.member-list').waitFor();
    const search = visible(page, 'input[aria-label="搜索姓名或手机号"], .ui-field:has-text("搜索姓名或手机号") input');
    await search.fill('王秀兰');
    await button(page, '搜索').click();
    await visible(page, '.member-row:has-text("王秀兰")').waitFor();
    await shot(page, 'e2e-admin-06-secretary-list');

    await search.fill('刘洋');
    await button(page, '搜索').click();
    await waitText(page, '没有符合条件的成员');
    expect(await page.locator('.member-row:has-text("刘洋") >> visible=true').count()).toBe(0);

    // 接口一侧同样限于本支部
    const listed = await roster('list', { q: '' }, 'dev_secretary');
    const names = (listed.body.data.items as Array<{ name: string }>).map((m) => m.name);
    expect(names).toContain('王秀兰');
    expect(names).not.toContain('刘洋');
    expect(names).not.toContain('周敏');
    const denied = await roster('get', { memberId: liu!.id }, 'dev_secretary');
    expect(denied.body.ok).toBe(false);
    expect(denied.body.error?.code).toBe('FORBIDDEN');
  });

  test('管理员在电脑（1280×800）上看成员名册：表头与行都在，不横向滚动', async () => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    try {
      const big = await desk.newPage();
      await openPage(big, `${host.url}/#/admin/members/index`);
      await actAs(big, '周敏');
      await visible(big, '.member-list__head').waitFor();
      // 名册按姓名拼音排（周敏在后面的页上）：页面上的次序就是拼音的次序
      await visible(big, '.member-row').waitFor();
      const shown = (await big.locator('.member-row__name >> visible=true').allTextContents()).map((t) => t.replace('已退出', '').trim());
      expect(shown.length).toBeGreaterThan(5);
      expect(shown).toEqual([...shown].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0)));
      expect(shown).not.toContain('周敏');
      const layout = await big.evaluate(() => ({ scroll: document.documentElement.scrollWidth, rows: document.querySelectorAll('.member-row').length }));
      expect(layout.scroll).toBeLessThanOrEqual(1280);
      expect(layout.rows).toBeGreaterThan(5);
      await shot(big, 'e2e-admin-07-members-1280');
    } finally {
      await desk.close();
    }
  });

  test('书记给王秀兰的品行扣分：本人在“我的积分”看到来由、合计相符，并就地申诉', async () => {
    const wang = await findMember('王秀兰');
    const reason = '主题党日无故迟到';
    const adj = await callFn(
      host,
      'points',
      { action: 'adjust', data: { memberId: wang!.id, ruleCode: 'party.conduct', points: -2, reason } },
      'dev_secretary',
    );
    expect(adj.body.ok).toBe(true);

    await openPage(page, `${host.url}/#/points/mine/index`);
    await actAs(page, '王秀兰');
    const entry = visible(page, `.pt-entry:has-text("${reason}")`);
    await entry.waitFor();
    const explain = (await entry.locator('.pt-entry__explain').first().textContent()) ?? '';
    expect(explain).toContain(reason);
    expect(explain).toContain('李建国');
    const tag = (await entry.locator('.pt-entry__tag').first().textContent()) ?? '';
    expect(`${tag} ${explain}`).toContain('品行评定');
    expect(await entry.locator('.pt-entry__points').first().textContent()).toBe('−2 分');

    // 屏幕上的合计 = 各条记录之和
    const mine = await callFn(host, 'points', { action: 'mine', data: { year: new Date().getFullYear() } }, 'dev_cpc_member');
    const entries = mine.body.data.entries as Array<{ track: string; points: number }>;
    expect(entries.length).toBeGreaterThan(0);
    for (const track of new Set(entries.map((e) => e.track))) {
      const sum = entries.filter((e) => e.track === track).reduce((s, e) => s + e.points, 0);
      expect(await visible(page, `.pt-total[data-track="${track}"] .pt-total__value`).textContent()).toBe(`${shownTotal(sum)} 分`);
    }
    await waitText(page, `合计由下面列出的 ${entries.length} 条记录相加得出`);
    await entry.scrollIntoViewIfNeeded();
    await shot(page, 'e2e-points-01-mine-entry');

    // 申诉：理由太短先被拦下
    await entry.locator('taro-button-core', { hasText: '申诉' }).first().click();
    const area = visible(page, '.pt-appeal-form textarea');
    await area.fill('不对');
    await button(page, '提交申诉').click();
    await waitText(page, '请写明申诉理由（至少 5 个字）');
    await area.fill('当天因病请假，已向支部书记报备');
    await button(page, '提交申诉').click();
    await waitText(page, '申诉已提交');
    const after = visible(page, `.pt-entry:has-text("${reason}")`);
    await after.locator('.pt-badge:has-text("申诉中")').first().waitFor();
    await after.locator('text=申诉理由：当天因病请假，已向支部书记报备').first().waitFor();
    await after.locator('text=等待支部书记答复').first().waitFor();
    // 申诉中不能再次申诉
    expect(await after.locator('taro-button-core', { hasText: '申诉' }).count()).toBe(0);
    await shot(page, 'e2e-points-02-appealed');

    const check = await callFn(host, 'points', { action: 'mine', data: { year: new Date().getFullYear() } }, 'dev_cpc_member');
    const appealed = (check.body.data.entries as Array<{ explanation: string; appeal: { status: string } | null }>).find((e) => e.explanation.includes(reason));
    expect(appealed?.appeal?.status).toBe('pending');
  });

  test('重新打开：演示身份条里原来的“新用户”已显示为导入的成员，“我的”是本人资料', async () => {
    await openPage(page, host.url);
    await visible(page, '.dev-bar__toggle').click();
    await visible(page, `.dev-bar__option:has-text("${GOOD_A}")`).waitFor();
    expect(await page.locator('.dev-bar__option >> visible=true', { hasText: '新用户' }).count()).toBe(0);
    await visible(page, '.dev-bar__toggle').click();
    await actAs(page, GOOD_A);
    await openTab(page, '我的');
    await waitText(page, GOOD_A);
    await waitText(page, '经济委功能型党支部');
  });
});
