/**
 * 目录里小程序自己要用的那几条：请求没到服务器、在发出前就被拦下，以及回的不是信封时的 INTERNAL。
 * 小程序主包只引这一小块，不引整本目录（整本随功能增长，已有二十多 KB）；errors.ts 把它并进 ERROR_MESSAGES，目录仍只有一处。
 */
export const CLIENT_ERROR_MESSAGES = {
  INTERNAL: '系统繁忙，请稍后再试',
  'CLIENT.NETWORK': '网络不给力，请检查网络后重试',
  'CLIENT.NOT_A_TOKEN': '这不是签到码，请核对后重试',
  'CLIENT.CODE_FORMAT': '请输入大屏上的 6 位数字',
  'CLIENT.UPLOAD_FAILED': '文件上传失败，请检查网络后重新选择文件',
} as const;
