/**
 * 一次失败能不能“重试”：只有网络、服务器忙、操作太频繁这几种，过一会儿再来可能就成了；
 * 其余（没有权限、未绑定、内容不存在、参数有误、业务规则不允许）再点一次结果也一样，
 * 页面上不给「重试」，而是说清楚该找谁、该做什么。
 */
import { NETWORK_ERROR_CODE } from './errors'

/** 服务器回的失败：错误码与中文提示 */
export interface LoadError {
  code: string
  message: string
}

const RETRYABLE = new Set<string>([NETWORK_ERROR_CODE, 'INTERNAL', 'RATE_LIMITED'])

export const isRetryable = (code: string): boolean => RETRYABLE.has(code)

/** 拒绝时默认的下一步（页面可换成更具体的一句，如“积分申诉由支部书记答复”） */
export function refusalAdvice(code: string): string {
  switch (code) {
    case 'FORBIDDEN':
      return '这项操作需要相应的权限。如确有需要，请联系本支部书记或政协办公室。'
    case 'NOT_BOUND':
      return '请先用政协办公室发放的邀请码绑定身份。'
    case 'UNAUTHENTICATED':
      return '请关闭小程序后重新进入。'
    case 'NOT_FOUND':
      return '请返回上一页，刷新列表后再看。'
    default:
      return '如有疑问，请联系政协办公室。'
  }
}
