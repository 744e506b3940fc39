import { useState } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import { TextArea, TextField } from '../../src/components/Field'
import { ChoiceChips, MultiChips, SelectList } from '../../src/components/Chips'
import { Button } from '../../src/components/Button'
import { SearchField } from '../../src/components/SearchField'

function Controlled({ multiline }: { multiline?: boolean }) {
  const [value, setValue] = useState('')
  const Field = multiline ? TextArea : TextField
  return (
    <>
      <Field label='请假原因' value={value} onChange={setValue} hint='至少两个字' />
      <span data-testid='echo'>{value}</span>
    </>
  )
}

describe('输入框', () => {
  it.each([false, true])('看得见的标签与输入框关联（多行：%s），说明也关联上', (multiline) => {
    render(<Controlled multiline={multiline} />)
    const input = screen.getByLabelText('请假原因')
    expect(input.tagName).toBe(multiline ? 'TEXTAREA' : 'INPUT')
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('至少两个字')
    fireEvent.change(input, { target: { value: '外出调研' } })
    expect(screen.getByTestId('echo').textContent).toBe('外出调研')
  })

  it('同一页上两个输入框的标签互不串', () => {
    render(
      <>
        <TextField label='标题' value='' onChange={() => undefined} />
        <TextField label='地点' value='' onChange={() => undefined} />
      </>,
    )
    expect(screen.getByLabelText('标题')).not.toBe(screen.getByLabelText('地点'))
  })
})

describe('按钮', () => {
  it('失效时点了不触发，并告诉读屏软件', () => {
    const onClick = jest.fn()
    render(
      <Button off onClick={onClick}>
        保存
      </Button>,
    )
    fireEvent.click(screen.getByText('保存'))
    expect(onClick).not.toHaveBeenCalled()
    expect(screen.getByText('保存').getAttribute('aria-disabled')).toBe('true')
  })

  it('提交中换成“正在提交…”，再点也不重复提交', () => {
    const onClick = jest.fn()
    render(
      <Button busy onClick={onClick}>
        保存
      </Button>,
    )
    fireEvent.click(screen.getByText('正在提交…'))
    expect(onClick).not.toHaveBeenCalled()
  })
})

describe('选项', () => {
  const OPTIONS = [
    { value: 'a', label: '请假' },
    { value: 'b', label: '出席' },
  ]

  it('单选：选中的写「✓」并标 aria-pressed，不只靠颜色', () => {
    const onChange = jest.fn()
    render(<ChoiceChips label='是否参加' options={OPTIONS} value='a' onChange={onChange} />)
    expect(screen.getByText('✓ 请假').getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByText('出席').getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(screen.getByText('出席'))
    expect(onChange).toHaveBeenCalledWith('b')
    expect(screen.getByRole('group', { name: '是否参加' })).toBeTruthy()
  })

  it('多选：点一下选上，再点取消', () => {
    const onChange = jest.fn()
    const { rerender } = render(<MultiChips label='专委会' options={OPTIONS} values={[]} onChange={onChange} />)
    fireEvent.click(screen.getByText('请假'))
    expect(onChange).toHaveBeenLastCalledWith(['a'])
    rerender(<MultiChips label='专委会' options={OPTIONS} values={['a']} onChange={onChange} />)
    fireEvent.click(screen.getByText('✓ 请假'))
    expect(onChange).toHaveBeenLastCalledWith([])
  })

  it('选择列表：平时只显示当前值，点「更改」就地展开，选后收起', () => {
    const onChange = jest.fn()
    render(<SelectList label='界别' options={OPTIONS} value={null} noneLabel='不限' onChange={onChange} />)
    expect(screen.queryByText('出席')).toBeNull()
    fireEvent.click(screen.getByText('更改 ▾'))
    fireEvent.click(screen.getByText('出席'))
    expect(onChange).toHaveBeenCalledWith('b')
    expect(screen.queryByText('出席')).toBeNull()
  })
})

describe('搜索框', () => {
  function Search({ busy, onSearch }: { busy?: boolean; onSearch: (q: string) => void }) {
    const [value, setValue] = useState('')
    return <SearchField label='按姓名找委员' value={value} onChange={setValue} onSearch={onSearch} action='查找' busy={busy} />
  }

  it('按钮交出去掉首尾空白的字', () => {
    const onSearch = jest.fn()
    render(<Search onSearch={onSearch} />)
    fireEvent.change(screen.getByLabelText('按姓名找委员'), { target: { value: '  王秀兰 ' } })
    fireEvent.click(screen.getByText('查找'))
    expect(onSearch).toHaveBeenCalledWith('王秀兰')
  })

  it('正在查找时按钮失效，连按不会再查一次', () => {
    const onSearch = jest.fn()
    render(<Search busy onSearch={onSearch} />)
    fireEvent.click(screen.getByText('查找'))
    expect(onSearch).not.toHaveBeenCalled()
    expect(screen.getByText('查找').getAttribute('aria-disabled')).toBe('true')
  })
})
