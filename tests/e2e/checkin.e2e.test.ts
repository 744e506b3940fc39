import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { actAs, hasChromium, launch, openTab, shot, openPage } from './support/browser';
import { type RunningHost, callFn, newDataDir, startHost } from './support/host';

const describeIfBrowser = hasChromium ? describe : describe.skip;

/** 页面上可见的第一个匹配 */
const visible = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`).first();
const waitText = (page: Page, text: string) => visible(page, `text=${text}`).waitFor();

describeIfBrowser('会场签到：投影大屏 + 成员手机', () => {
  let host: RunningHost;
  let browser: Browser;
  let desk: BrowserContext;
  let mobile: BrowserContext;
  let screenPage: Page;
  let phone: Page;
  let eventId: string;
  let otherEventId: string;
  let token: string;

  const event = (action: string, data: unknown, openid = 'dev_admin') => callFn(host, 'event', { action, data }, openid);
  const detailUrl = () => `${host.url}/#/events/detail/index?id=${eventId}`;

  beforeAll(async () => {
    host = await startHost(newDataDir());
    browser = await launch();
    desk = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, acceptDownloads: true });
    mobile = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    screenPage = await desk.newPage();
    phone = await mobile.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('组织者建一场 10 分钟后开始的培训：签到已经开放', async () => {
    const now = Date.now();
    const res = await event('create', {
      kind: '委员培训',
      title: '新任委员履职培训',
      place: '政协礼堂',
      startsAt: new Date(now + 10 * 60_000).toISOString(),
      endsAt: new Date(now + 3 * 3600_000).toISOString(),
      audience: [{ kind: 'all', id: null }],
    });
    expect(res.body.ok).toBe(true);
    eventId = res.body.data.id;
  });

  test('签到大屏（1280×720）：二维码、六位码、人数；当前令牌在 data-token 上', async () => {
    await openPage(screenPage, `${host.url}/#/events/screen/index?id=${eventId}`);
    await actAs(screenPage, '周敏');
    const qr = visible(screenPage, '[data-token]');
    await visible(screenPage, '.screen-qr__img').waitFor();
    token = (await qr.getAttribute('data-token'))!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{31}$/);
    expect(await visible(screenPage, '.screen-code__digits').textContent()).toMatch(/^\d{3} \d{3}$/);
    await waitText(screenPage, '还没有人签到');
    // 一屏放下：不出现纵向滚动条，二维码完整可见
    const layout = await screenPage.evaluate(() => {
      const img = document.querySelector('.screen-qr__img')!.getBoundingClientRect();
      return { scroll: document.documentElement.scrollHeight, img: { top: img.top, bottom: img.bottom, width: img.width } };
    });
    expect(layout.scroll).toBeLessThanOrEqual(720);
    expect(layout.img.bottom).toBeLessThanOrEqual(720);
    expect(layout.img.width).toBeGreaterThanOrEqual(350);
    await shot(screenPage, 'e2e-checkin-01-screen-1280');
  });

  test('王秀兰在手机上打开活动，粘贴签到码：签到成功', async () => {
    await openPage(phone, detailUrl());
    await actAs(phone, '王秀兰');
    await waitText(phone, '新任委员履职培训');
    await waitText(phone, '未签到');
    await shot(phone, 'e2e-checkin-02-member-detail');
    token = (await visible(screenPage, '[data-token]').getAttribute('data-token'))!;
    await visible(phone, '.checkin-panel__paste input').fill(token);
    await visible(phone, 'text=用签到码签到').click();
    await waitText(phone, '✓ 签到成功');
    await waitText(phone, '已签到');
    await shot(phone, 'e2e-checkin-03-member-done');
  });

  test('再扫一次（微信扫码进入签到页）：只说已经签到过了', async () => {
    await openPage(phone, `${host.url}/#/pages/checkin/index?scene=${encodeURIComponent(token)}`);
    await waitText(phone, '已经签到过了');
    await shot(phone, 'e2e-checkin-04-already');
  });

  test('改过的码、别的活动的码都被拒绝，并说明原因', async () => {
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    await openPage(phone, `${host.url}/#/pages/checkin/index?scene=${forged}`);
    await waitText(phone, '这不是本活动的签到码');
    await shot(phone, 'e2e-checkin-05-refused');

    const other = await event('create', {
      kind: '政协讲堂',
      title: '另一场讲座',
      place: '二楼报告厅',
      startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
      audience: [{ kind: 'all', id: null }],
    });
    otherEventId = other.body.data.id;
    const otherToken = (await event('screen', { eventId: otherEventId })).body.data.token;
    const api = await event('checkin', { token: otherToken, eventId }, 'dev_secretary');
    expect(api.body.error?.code).toBe('CHECKIN.TOKEN_WRONG_EVENT');

    // 在本活动的详情页贴上别的活动的码
    await openPage(phone, detailUrl());
    await actAs(phone, '李建国');
    await visible(phone, '.checkin-panel__paste input').fill(otherToken);
    await visible(phone, 'text=用签到码签到').click();
    await waitText(phone, '这是另一场活动的签到码');
  });

  test('第一次用的人扫码：先凭邀请码绑定，绑定后自动补上这次签到（按扫码那一刻）', async () => {
    const found = await callFn(host, 'roster', { action: 'list', data: { q: '蔡宏伟' } }, 'dev_admin');
    const member = found.body.data.items[0];
    const invite = await callFn(host, 'roster', { action: 'issueInvite', data: { memberId: member.id } }, 'dev_admin');
    expect(invite.body.ok).toBe(true);
    const scanned = (await event('screen', { eventId: otherEventId })).body.data.token;

    const fresh = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    try {
      const p = await fresh.newPage();
      await openPage(p, `${host.url}/#/pages/checkin/index?scene=${encodeURIComponent(scanned)}`);
      await actAs(p, '新用户');
      await waitText(p, '绑定后会自动为您补上这次签到');
      await shot(p, 'e2e-checkin-05a-not-bound');
      await visible(p, 'text=输入邀请码绑定').click();
      await waitText(p, '绑定后会自动为您补上刚才的签到。');
      await visible(p, 'input[aria-label="邀请码"], .bind__input--code input').fill(invite.body.data.code);
      await visible(p, 'input[aria-label="姓名"], .bind__field:has-text("姓名") input').fill('蔡宏伟');
      await visible(p, '.bind__submit').click();
      await waitText(p, '签到成功');
      await waitText(p, '另一场讲座');
      await shot(p, 'e2e-checkin-05b-bound-then-checked-in');
    } finally {
      await fresh.close();
    }
    const rows = (await event('attendance', { eventId: otherEventId })).body.data.rows as Array<{ name: string; status: string }>;
    expect(rows.find((r) => r.name === '蔡宏伟')?.status).toBe('on_time');
  });

  test('陈志远请假', async () => {
    await actAs(phone, '陈志远');
    await waitText(phone, '提交请假');
    await visible(phone, '.ui-field__area textarea').fill('赴外地参加调研');
    await visible(phone, 'text=提交请假').click();
    await waitText(phone, '已提交请假，等待组织者审批。原因：赴外地参加调研');
    await waitText(phone, '请假待批');
  });

  test('管理员在签到名单上批准请假、为刘洋代签', async () => {
    const list = await desk.newPage();
    await list.setViewportSize({ width: 390, height: 844 });
    await openPage(list, `${host.url}/#/events/attendance/index?id=${eventId}`);
    await waitText(list, '请假待批（1）');
    const chen = visible(list, '.att-row:has-text("陈志远")');
    await chen.locator('text=批准').first().click();
    await waitText(list, '已批准 陈志远 的请假，已通知本人');

    await visible(list, 'input[aria-label="按姓名查找"], .ui-field:has-text("按姓名查找") input').fill('刘洋');
    const liu = visible(list, '.att-row:has-text("刘洋")');
    await liu.locator('text=代签').first().click();
    await visible(list, '.att-form input').fill('未带手机，本人在场');
    await visible(list, 'text=确认代签').click();
    await waitText(list, '已为 刘洋 代签');
    await visible(list, '.ui-field:has-text("按姓名查找") input').fill('');
    await waitText(list, '已签到（2）');
    await waitText(list, '请假（1）');
    await shot(list, 'e2e-checkin-06-attendance');

    const res = await event('attendance', { eventId });
    const status = Object.fromEntries(res.body.data.rows.map((r: { name: string; status: string }) => [r.name, r.status]));
    expect(status).toMatchObject({ 王秀兰: 'on_time', 刘洋: 'on_time', 陈志远: 'on_leave', 李建国: 'absent' });
    const liuRow = res.body.data.rows.find((r: { name: string }) => r.name === '刘洋');
    expect(liuRow).toMatchObject({ method: 'proxy', proxyByName: '周敏', proxyReason: '未带手机，本人在场' });
    expect(res.body.data.counts).toMatchObject({ checkedIn: 2, onLeave: 1, late: 0 });
    const expected = res.body.data.counts.expected;
    expect(res.body.data.counts.absent).toBe(expected - 3);
    await list.close();
  });

  test('大屏上人数随之更新，刚签到的人列出', async () => {
    await visible(screenPage, '.screen-count--strong .screen-count__value:text-is("2")').waitFor({ timeout: 10_000 });
    await waitText(screenPage, '刘洋');
    await shot(screenPage, 'e2e-checkin-07-screen-counts');
  });

  test('随机点名：两次点到两个不同的人，第三次说都点过了', async () => {
    const list = await desk.newPage();
    await openPage(list, `${host.url}/#/events/attendance/index?id=${eventId}`);
    await visible(list, 'text=还可点 2 人').waitFor();
    await visible(list, '.rollcall__pick').click();
    await visible(list, 'text=第 1 位').waitFor();
    const first = await visible(list, '.rollcall__name').textContent();
    await visible(list, '.rollcall textarea').fill('谈了履职培训的三点体会');
    await visible(list, 'text=记下发言要点').click();
    await visible(list, 'text=已记下').waitFor();
    await visible(list, '.rollcall__pick').click();
    await visible(list, 'text=第 2 位').waitFor();
    const second = await visible(list, '.rollcall__name').textContent();
    expect(new Set([first, second])).toEqual(new Set(['王秀兰', '刘洋']));
    await visible(list, '.rollcall__pick:has-text("已签到的人都点过了")').waitFor();
    await shot(list, 'e2e-checkin-08-rollcall-1280');
    const third = await event('rollCall', { eventId });
    expect(third.body.error?.code).toBe('EVENT.ROLLCALL_EXHAUSTED');

    // 导出：页面上下载到 XLSX；接口给的 base64 能读成表格
    const [download] = await Promise.all([list.waitForEvent('download'), visible(list, 'text=导出名单').click()]);
    expect(download.suggestedFilename()).toBe('新任委员履职培训-会议记录.xlsx');
    await list.close();
    const file = (await event('exportAttendance', { eventId })).body.data;
    // 会议记录的第二张表是平铺的签到名单
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const listSheet = workbook.getWorksheet('签到名单')!;
    const cellsOf = (n: number) => (listSheet.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(cellsOf(1).slice(0, 4)).toEqual(['姓名', '界别', '应到', '状态']);
    const byName = new Map(Array.from({ length: listSheet.rowCount - 1 }, (_, i) => cellsOf(i + 2)).map((cells) => [cells[0], cells]));
    expect(byName.get('刘洋')?.[5]).toBe('代签');
    expect(byName.get('陈志远')?.[3]).toBe('请假');
  });

  test('王秀兰：首页看到已签到；大字模式下活动详情的字与按钮够大', async () => {
    await openPage(phone, host.url);
    await actAs(phone, '王秀兰');
    await visible(phone, '.event-card:has-text("新任委员履职培训")').waitFor();
    await visible(phone, '.event-card:has-text("新任委员履职培训") >> text=已签到').waitFor();
    await shot(phone, 'e2e-checkin-09-home');

    await openTab(phone, '我的');
    await visible(phone, '.ui-row:has-text("大字模式")').click();
    await waitText(phone, '已开启');
    // 还没签到的那场：签到、请假的输入框与按钮都在
    await openPage(phone, `${host.url}/#/events/detail/index?id=${otherEventId}`);
    await waitText(phone, '另一场讲座');
    await waitText(phone, '提交请假');
    const sizes = await phone.evaluate(() => {
      const shown = (el: Element) => (el as HTMLElement).offsetParent !== null;
      const texts = [...document.querySelectorAll('.page--elder *')]
        .filter(shown)
        .filter((el) => el.childElementCount === 0 && (el.textContent ?? '').trim().length > 1);
      const buttons = [...document.querySelectorAll('.page--elder taro-button-core')].filter(shown).map((el) => el.getBoundingClientRect().height);
      return { minFont: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))), minButton: Math.min(...buttons), count: texts.length };
    });
    await shot(phone, 'e2e-checkin-10-detail-elder');
    expect(sizes.count).toBeGreaterThan(5);
    expect(sizes.minFont).toBeGreaterThanOrEqual(18);
    expect(sizes.minButton).toBeGreaterThanOrEqual(60);
    // 没签到：没有学习心得的编辑框
    expect(await phone.locator('text=学习心得 >> visible=true').count()).toBe(0);
    await openPage(phone, host.url);
    await visible(phone, '.event-card').waitFor();
    await shot(phone, 'e2e-checkin-11-home-elder');
  });

  test('组织者在页面上新建活动：填标题、地点、选参加对象即可', async () => {
    const page = await desk.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage(page, `${host.url}/#/events/manage/index`);
    await visible(page, '.manage-item:has-text("新任委员履职培训")').waitFor();
    await visible(page, 'text=新建活动').click();
    await visible(page, '.ui-field:has-text("标题") input').fill('十二月主题党日');
    await visible(page, '.ui-field:has-text("地点") input').fill('机关支部活动室');
    await visible(page, '.ui-chip:has-text("主题党日")').click();
    await visible(page, 'text=创建活动').click();
    await waitText(page, '请至少选择一类参加对象');
    await visible(page, '.audience__tab:has-text("支部")').click();
    await visible(page, '.ui-chip:has-text("机关党支部")').click();
    await visible(page, 'text=创建活动').click();
    await waitText(page, '活动已创建：十二月主题党日');
    const list = await event('list', { page: 1 });
    const created = list.body.data.items.find((e: { title: string }) => e.title === '十二月主题党日');
    expect(created).toMatchObject({ kind: '主题党日', place: '机关支部活动室', rotateSeconds: 15, audience: [{ kind: 'branch', name: '机关党支部' }] });
    // 缺省：明天 9:00–11:30（北京时间），开始前 30 分钟开放签到
    expect(new Date(created.startsAt).getTime() - new Date(created.checkinOpensAt).getTime()).toBe(30 * 60_000);
    expect(new Date(created.startsAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })).toBe('09:00:00');
    await page.close();
  });
});
