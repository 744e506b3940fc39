import { isTrustedImage, renderMaterialBody, sanitizeMaterialHtml } from './rich-text';

/** 清洗后的 HTML 里不该有的东西 */
function assertHarmless(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<iframe/i);
  expect(html).not.toMatch(/<style/i);
  expect(html).not.toMatch(/<object|<embed|<form|<svg|<math/i);
  // 只看真正的标签里（转义成文字的 &lt;img onerror&gt; 不会执行）
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<[^>]*href\s*=\s*["']?\s*(javascript|data|vbscript):/i);
  expect(html).not.toMatch(/<[^>]*src\s*=\s*["']?\s*(javascript|data|http:)/i);
}

describe('学习材料正文：Markdown 渲染并清洗', () => {
  test('普通的 Markdown 照常显示：标题、加粗、列表、链接、表格', () => {
    const html = renderMaterialBody(
      '# 党史学习\n\n**协商**民主\n\n- 第一条\n- 第二条\n\n[原文](https://www.gov.cn/a.html)\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |',
    );
    expect(html).toContain('<h1>党史学习</h1>');
    expect(html).toContain('<strong>协商</strong>');
    expect(html).toContain('<li>第一条</li>');
    expect(html).toContain('<a href="https://www.gov.cn/a.html">原文</a>');
    expect(html).toContain('<td>2</td>');
  });

  test('作者写的原始 HTML 只作为文字出现：脚本不会执行', () => {
    const html = renderMaterialBody('前言<script>alert(1)</script><img src=x onerror=alert(2)><iframe src="https://evil.example"></iframe>');
    assertHarmless(html);
    expect(html).toContain('&lt;script&gt;');
  });

  test('javascript: 与 data: 链接不成为链接', () => {
    const html = renderMaterialBody(
      '[点我](javascript:alert(1)) [也点我](JaVaScRiPt:alert(1)) [数据](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)',
    );
    assertHarmless(html);
    expect(html).not.toContain('<a');
  });

  test('不认识的主机上的图片去掉，云存储上的 https 图片保留并限宽', () => {
    const html = renderMaterialBody(
      '![跟踪](https://evil.example/pixel.png)\n\n![插图](https://abc-123.tcb.qcloud.la/uploads/a.png)\n\n![明文](http://abc.tcb.qcloud.la/b.png)',
    );
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('http://abc');
    expect(html).toContain('<img src="https://abc-123.tcb.qcloud.la/uploads/a.png" alt="插图" style="max-width:100%;height:auto" />');
  });

  test.each([
    ['<script>alert(1)</script>正文', '正文'],
    ['<img src="https://evil.example/x.png" onerror="alert(1)">', ''],
    ['<a href="javascript:alert(1)" onclick="alert(2)">链接</a>', '<a>链接</a>'],
    ['<iframe src="https://evil.example"></iframe>后文', '后文'],
    ['<p style="position:fixed;top:0" onmouseover="x()">段落</p>', '<p>段落</p>'],
    ['<svg onload="alert(1)"><circle/></svg>', ''],
    ['<a href="  javascript:alert(1)">空格</a>', '<a>空格</a>'],
    ['<img src="https://abc.tcb.qcloud.la.evil.example/x.png">', ''],
    ['<form action="https://evil.example"><input name="x"></form>', ''],
    ['<style>body{display:none}</style>留下', '留下'],
  ])('恶意 HTML %s 清洗后无害', (hostile, expected) => {
    const html = sanitizeMaterialHtml(hostile);
    assertHarmless(html);
    expect(html).toBe(expected);
  });

  test('可信图片主机按后缀精确匹配', () => {
    expect(isTrustedImage('https://x.tcb.qcloud.la/a.png')).toBe(true);
    expect(isTrustedImage('https://tcb.qcloud.la.evil.example/a.png')).toBe(false);
    expect(isTrustedImage('https://eviltcb.qcloud.la/a.png')).toBe(false);
    expect(isTrustedImage('http://x.tcb.qcloud.la/a.png')).toBe(false);
    expect(isTrustedImage('not a url')).toBe(false);
    expect(isTrustedImage(undefined)).toBe(false);
  });
});
