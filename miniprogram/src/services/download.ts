import Taro from '@tarojs/taro'
import type { Envelope, FileDownload } from '@tongxin/shared-types'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** 浏览器里按文件名下载 */
function downloadInBrowser(file: FileDownload, mime: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** 小程序里写到用户目录，交回路径（文件名里可能有斜杠等字符，写文件前换掉） */
async function writeUserFile(file: FileDownload): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName.replace(/[\\/:*?"<>|]/g, '_')}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: file.contentBase64, encoding: 'base64', success: () => resolve(), fail: reject }),
  )
  return filePath
}

/** 浏览器里下载；小程序里写到用户目录再用系统打开（可转发、保存） */
async function openDocumentAs(file: FileDownload, type: DocumentType): Promise<void> {
  if (process.env.TARO_ENV === 'h5') return downloadInBrowser(file, type.mime)
  const filePath = await writeUserFile(file)
  await Taro.openDocument({ filePath, fileType: type.fileType, showMenu: true })
}

/** 把服务器给的表格交到用户手里。失败时抛出，由调用方显示 */
export function saveSpreadsheet(file: FileDownload): Promise<void> {
  return openDocumentAs(file, DOCUMENT_TYPES.xlsx)
}

/** 导出类操作的结果 → 交到用户手里，并给出一句可直接显示的话 */
export async function deliverSpreadsheet(res: Envelope<FileDownload>): Promise<{ kind: 'success' | 'error'; text: string }> {
  if (!res.ok) return { kind: 'error', text: res.error.message }
  try {
    await saveSpreadsheet(res.data)
    return { kind: 'success', text: `已导出「${res.data.fileName}」` }
  } catch {
    return { kind: 'error', text: '表格已生成，但没能打开或保存，请重试' }
  }
}

/** 学习材料的附件类型（按文件名后缀；内容已由服务器在发布时检查过） */
interface DocumentType {
  mime: string
  fileType: 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'ppt' | 'pptx'
}
const DOCUMENT_TYPES: Record<string, DocumentType> = {
  pdf: { mime: 'application/pdf', fileType: 'pdf' },
  doc: { mime: 'application/msword', fileType: 'doc' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileType: 'docx' },
  xls: { mime: 'application/vnd.ms-excel', fileType: 'xls' },
  xlsx: { mime: XLSX_MIME, fileType: 'xlsx' },
  ppt: { mime: 'application/vnd.ms-powerpoint', fileType: 'ppt' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', fileType: 'pptx' },
}

/** 打开服务器交来的文档（PDF、Word…）：浏览器里下载，小程序里用系统打开（可转发、保存） */
export function openDocumentFile(file: FileDownload): Promise<void> {
  const ext = /\.([a-z]+)$/i.exec(file.fileName)?.[1]?.toLowerCase() ?? 'pdf'
  return openDocumentAs(file, DOCUMENT_TYPES[ext] ?? DOCUMENT_TYPES.pdf)
}

const IMAGE_MIME: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

/** 打开服务器交来的图片：浏览器里新开一页看，小程序里用图片预览（可放大、保存） */
export async function openImageFile(file: FileDownload): Promise<void> {
  const ext = /\.([a-z]+)$/i.exec(file.fileName)?.[1]?.toLowerCase() ?? 'jpg'
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: IMAGE_MIME[ext] ?? 'image/jpeg' }))
    window.open(url, '_blank')
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
    return
  }
  const filePath = await writeUserFile(file)
  await Taro.previewImage({ urls: [filePath], current: filePath })
}

/** 图片按图片看，其余按文档打开 */
export function openAnyFile(file: FileDownload): Promise<void> {
  return /\.(jpe?g|png|webp)$/i.test(file.fileName) ? openImageFile(file) : openDocumentFile(file)
}
