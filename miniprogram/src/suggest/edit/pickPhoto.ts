import Taro from '@tarojs/taro'
import type { UploadSource } from '../../services/cloud'

/**
 * 选一张照片（不强制：国办函〔2026〕12号不许无必要地强制上传照片）。小程序里是临时文件路径，
 * H5 里 Taro 给的 originalFileObj 就是浏览器的 File。用户取消时返回 null。
 */
export async function pickPhoto(): Promise<UploadSource | null> {
  try {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    const f = res.tempFiles[0] as { path: string; size: number; originalFileObj?: File }
    if (!f) return null
    return { name: f.originalFileObj?.name ?? 'photo.jpg', size: f.size, path: f.path, blob: f.originalFileObj }
  } catch {
    return null
  }
}
