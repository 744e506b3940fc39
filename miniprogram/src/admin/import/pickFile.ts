import Taro from '@tarojs/taro'

/** 选中的表格文件：名字与 base64 内容（roster.previewImport / commitImport 的输入） */
export interface PickedFile {
  fileName: string
  contentBase64: string
  size: number
}

export type PickResult = { ok: true; file: PickedFile } | { ok: false; message: string } | { ok: false; cancelled: true }

const MB = 1024 * 1024
/** 与服务端一致：文件不超过 10 MB */
export const MAX_FILE_BYTES = 10 * MB
/**
 * 小程序里文件内容随云函数调用的 data 一起发送，微信建议 data 不超过约 100KB（再大须走云存储），
 * 所以这里先限在 70KB（约一千多名成员的表格）；更大的表格请在电脑浏览器的管理页导入。
 */
export const WEAPP_MAX_FILE_BYTES = 70 * 1024

const ACCEPTED = /\.(xlsx|csv)$/i
export const WRONG_TYPE = '只支持 Excel（.xlsx）或 CSV 文件；.xls 请先在 Excel 里另存为 .xlsx'

export function checkFile(name: string, size: number, limit: number): string | null {
  if (!ACCEPTED.test(name)) return WRONG_TYPE
  if (size === 0) return '文件是空的'
  if (size > limit) return limit === WEAPP_MAX_FILE_BYTES ? '文件较大，小程序里无法上传，请在电脑浏览器中打开管理页导入' : '文件不能超过 10 MB'
  return null
}

/** H5：读浏览器给的 File */
export function readBrowserFile(file: File): Promise<PickResult> {
  const problem = checkFile(file.name, file.size, MAX_FILE_BYTES)
  if (problem) return Promise.resolve({ ok: false, message: problem })
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result ?? '')
      resolve({ ok: true, file: { fileName: file.name, contentBase64: url.slice(url.indexOf(',') + 1), size: file.size } })
    }
    reader.onerror = () => resolve({ ok: false, message: '文件读取失败，请重新选择' })
    reader.readAsDataURL(file)
  })
}

/** 小程序：从微信聊天里选文件（办公室常把表格发到文件传输助手），读成 base64 */
export async function pickWeappFile(): Promise<PickResult> {
  let chosen: Taro.chooseMessageFile.ChooseFile
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
    chosen = res.tempFiles[0]
  } catch {
    return { ok: false, cancelled: true }
  }
  if (!chosen) return { ok: false, cancelled: true }
  const problem = checkFile(chosen.name, chosen.size, WEAPP_MAX_FILE_BYTES)
  if (problem) return { ok: false, message: problem }
  return new Promise((resolve) => {
    Taro.getFileSystemManager().readFile({
      filePath: chosen.path,
      encoding: 'base64',
      success: (r) => resolve({ ok: true, file: { fileName: chosen.name, contentBase64: String(r.data), size: chosen.size } }),
      fail: () => resolve({ ok: false, message: '文件读取失败，请重新选择' }),
    })
  })
}

/** 模板表头（与服务端导入规则一致） */
export const TEMPLATE_COLUMNS: Array<{ header: string; note: string }> = [
  { header: '姓名', note: '必填' },
  { header: '手机号', note: '11 位，可空；与已登记的号码重复的行不导入' },
  { header: '界别', note: '与系统里的界别名称一致，可空' },
  { header: '专委会', note: '可填多个，用顿号“、”隔开，可空' },
  { header: '政治面貌', note: '必填：中共党员、民革、民盟、民建、民进、农工党、致公党、九三学社、台盟、无党派、群众' },
  { header: '职务', note: '必填：主席、副主席、秘书长、常委、委员、机关干部' },
  { header: '第一组织关系', note: '支部全称，只有中共党员填写，可空' },
  { header: '功能型支部', note: '支部全称，可填多个，用顿号隔开，可空' },
]

/** H5：下载只有表头的 CSV 模板（带 BOM，Excel 打开不乱码） */
export function downloadTemplate(): void {
  const csv = `\uFEFF${TEMPLATE_COLUMNS.map((c) => c.header).join(',')}\r\n`
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = '成员导入模板.csv'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
