import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, ButtonRow } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { openAnyFile } from '../../services/download'

export interface SuggestionFileButtonsProps {
  suggestionId: string
  files: Array<{ fileId: string; label: string }>
  /** 承办单位走自己的操作（只限交办给本单位的） */
  asUnit?: boolean
}

/** 建言上的照片、答复函：点一下取回并打开（照片用图片预览，答复函用系统打开） */
export function SuggestionFileButtons({ suggestionId, files, asUnit }: SuggestionFileButtonsProps) {
  const submit = useSubmit()
  const [opened, setOpened] = useState<string | null>(null)
  if (files.length === 0) return null
  const open = async (fileId: string, label: string) => {
    const res = await submit.run(() => callFunction('suggestions', asUnit ? 'unitAttachment' : 'attachment', { id: suggestionId, fileId }))
    if (!res) return
    try {
      await openAnyFile(res.data)
      setOpened(label)
    } catch {
      setOpened(null)
    }
  }
  return (
    <View>
      <ButtonRow>
        {files.map((f) => (
          <Button key={f.fileId} busy={submit.busy} busyText='正在打开…' onClick={() => void open(f.fileId, f.label)} ariaLabel={`打开${f.label}`}>
            {f.label}
          </Button>
        ))}
      </ButtonRow>
      {opened && <Text className='ui-muted'>已打开「{opened}」</Text>}
      {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
    </View>
  )
}
