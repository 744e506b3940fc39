import type { UploadSource } from '../../services/cloud'

/** 选中的表格文件：名字与要上传的内容（上传后凭 id 调 roster.previewImport / commitImport） */
export interface PickedFile {
  fileName: string
  size: number
  source: UploadSource
}

export type PickResult = { ok: true; file: PickedFile } | { ok: false; message: string } | { ok: false; cancelled: true }

const MB = 1024 * 1024
/** 与服务端一致：文件不超过 10 MB（这里只是提前告诉用户，服务端取回文件后自己再查大小与类型） */
export const MAX_FILE_BYTES = 10 * MB

const ACCEPTED = /\.(xlsx|csv)$/i
export const WRONG_TYPE = '只支持 Excel（.xlsx）或 CSV 文件；.xls 请先在 Excel 里另存为 .xlsx'

export function checkFile(name: string, size: number, limit: number): string | null {
  if (!ACCEPTED.test(name)) return WRONG_TYPE
  if (size === 0) return '文件是空的'
  if (size > limit) return '文件不能超过 10 MB'
  return null
}

/** 模板表头（与服务端导入规则一致）；可填的值在下载的模板的第二张表里 */
export const TEMPLATE_COLUMNS: Array<{ header: string; note: string }> = [
  { header: '姓名', note: '必填' },
  { header: '手机号', note: '11 位，可空；与已登记的号码重复的行不导入' },
  { header: '界别', note: '与系统里的界别名称一致，可空' },
  { header: '专委会', note: '可填多个，用顿号“、”隔开，可空' },
  { header: '政治面貌', note: '必填：中共党员、民革、民盟、民建、民进、农工党、致公党、九三学社、台盟、无党派、群众' },
  { header: '职务', note: '必填：主席、副主席、秘书长、常委、委员、机关干部' },
  { header: '第一组织关系', note: '支部全称，只有中共党员填写，可空' },
  { header: '功能型支部', note: '支部全称，可填多个，用顿号隔开，可空' },
  { header: '性别', note: '男 或 女，可空' },
  { header: '民族', note: '如 汉族、回族，可空' },
  { header: '出生年月', note: '如 1965-03，可空' },
  { header: '工作单位及职务', note: '可空，最多 100 字' },
  { header: '届次', note: '如 第十五届，可空' },
]
