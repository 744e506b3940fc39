import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * 学习材料的正文：作者写 Markdown，服务器渲染成 HTML 再清洗，存下清洗后的结果交给 Taro 的 RichText。
 * 两道防线：markdown-it 关掉原始 HTML（作者写的 <script> 只会作为文字出现）并拒绝 javascript:/data: 之类的链接；
 * sanitize-html 只留白名单里的标签与属性，事件属性（onerror…）、iframe、style、脚本一律不留，
 * 图片只留可信主机（云存储）上的 https 图片——别处的图片会泄露读者的 IP 与阅读行为，也可能换成不当内容。
 */

/** 可以显示的图片主机（后缀匹配）：CloudBase 云存储的下载域名 */
export const TRUSTED_IMAGE_HOSTS = ['tcb.qcloud.la', 'tcb-api.tencentcloudapi.com'];

const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true, typographer: false });

export function isTrustedImage(src: string | undefined): boolean {
  if (!src) return false;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return TRUSTED_IMAGE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'b',
    'i',
    's',
    'del',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'style'], ol: ['start'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // 不可信主机的图片整个去掉（连同 alt），不留一个加载不出来的框
  exclusiveFilter: (frame) => frame.tag === 'img' && !isTrustedImage(frame.attribs.src),
  transformTags: {
    // 图片不超出屏幕；style 由这里写死，作者写不进来（markdown-it 不产生 style）
    img: (tagName, attribs) => ({ tagName, attribs: { src: attribs.src ?? '', alt: attribs.alt ?? '', style: 'max-width:100%;height:auto' } }),
  },
};

/** Markdown → 清洗过的 HTML */
export function renderMaterialBody(bodyMarkdown: string): string {
  return sanitizeHtml(markdown.render(bodyMarkdown), SANITIZE);
}

/** 任何 HTML（比如将来从别处导入的）→ 清洗过的 HTML；测试也用它直接喂恶意 HTML */
export function sanitizeMaterialHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}
