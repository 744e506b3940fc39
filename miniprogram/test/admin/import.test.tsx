import { fireEvent, render, screen } from '@testing-library/react'
import type { ImportPreview } from '@tongxin/shared-types'
import ImportPage from '../../src/admin/import/index'
import { callFunction, uploadFile } from '../../src/services/cloud'
import { useAppStore } from '../../src/store'
import { actAs, adminProfile, fail, ok, routeCalls, secretaryProfile } from './fixtures'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn(), uploadFile: jest.fn() }))
const mockCall = callFunction as unknown as jest.Mock
const mockUpload = uploadFile as unknown as jest.Mock
const FILE_ID = 'local/11111111-2222-4333-8444-555555555555'

const CSV = '姓名,手机号,政治面貌,职务\n赵一,13900000001,民盟,委员\n,13900000002,中共党员,委员\n钱二,12345,中共,主任\n孙三,,无党派,委员\n'

const preview: ImportPreview = {
  total: 4,
  valid: 2,
  errors: [
    { line: 3, name: '', reasons: ['缺少姓名'] },
    { line: 4, name: '钱二', reasons: ['手机号“12345”不是 11 位手机号', '职务“主任”应为 主席、副主席、秘书长、常委、委员、机关干部 之一'] },
  ],
  sample: [
    { line: 2, name: '赵一', phone: '13900000001', sector: null, affiliation: '民盟', position: '委员', cells: ['赵一', '13900000001', '民盟', '委员'] },
    { line: 5, name: '孙三', phone: null, sector: null, affiliation: '无党派', position: '委员', cells: ['孙三', '', '无党派', '委员'] },
  ],
  columns: ['姓名', '手机号', '政治面貌', '职务'],
  ignoredColumns: [],
}

function chooseFile(name: string, content: string) {
  const input = screen.getByLabelText(/选择表格文件|重新选择文件/) as HTMLInputElement
  fireEvent.change(input, { target: { files: [new File([content], name, { type: 'text/csv' })] } })
}

beforeEach(() => {
  mockCall.mockReset()
  mockUpload.mockReset()
  mockUpload.mockResolvedValue(ok({ fileId: FILE_ID }))
  actAs(adminProfile, useAppStore)
})

describe('从表格导入成员', () => {
  it('列出模板表头', () => {
    render(<ImportPage />)
    for (const h of [
      '姓名',
      '手机号',
      '界别',
      '专委会',
      '政治面貌',
      '职务',
      '第一组织关系',
      '功能型支部',
      '性别',
      '民族',
      '出生年月',
      '工作单位及职务',
      '届次',
    ]) {
      expect(screen.getByText(h)).toBeTruthy()
    }
  })

  it('下载模板：向服务端要 XLSX 模板（带示例行与可填的值），交给浏览器下载', async () => {
    const createObjectURL = jest.fn(() => 'blob:x')
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() })
    routeCalls(mockCall, { 'roster.importTemplate': () => ok({ fileName: '成员导入模板.xlsx', contentBase64: 'UEsDBA==' }) })
    render(<ImportPage />)
    fireEvent.click(screen.getByText('下载表格模板（Excel）'))
    expect(await screen.findByText('已导出「成员导入模板.xlsx」')).toBeTruthy()
    expect(mockCall.mock.calls.map(([fn, action]) => `${fn}.${action}`)).toEqual(['roster.importTemplate'])
    expect(createObjectURL).toHaveBeenCalledTimes(1)
  })

  it('预览逐列列出将写入的值，认不出的列单独说明', async () => {
    routeCalls(mockCall, {
      'roster.previewImport': () =>
        ok({
          ...preview,
          columns: ['姓名', '政治面貌', '职务', '民族', '出生年月'],
          ignoredColumns: ['备注'],
          sample: [{ line: 2, name: '赵一', phone: null, sector: null, affiliation: '民盟', position: '委员', cells: ['赵一', '民盟', '委员', '回族', ''] }],
        }),
    })
    render(<ImportPage />)
    chooseFile('名册.csv', CSV)
    expect(await screen.findByText('姓名、政治面貌、职务、民族、出生年月')).toBeTruthy()
    expect(screen.getByText(/这些列认不出，不会写入：备注/)).toBeTruthy()
    const row = screen.getByText('赵一').parentElement!
    expect([...row.querySelectorAll('.good-row__cell')].map((c) => c.textContent)).toEqual(['政治面貌民盟', '职务委员', '民族回族', '出生年月—'])
  })

  it('预览：总行数、可导入、有问题，以及每一条问题行的行号、姓名与原因', async () => {
    routeCalls(mockCall, { 'roster.previewImport': () => ok(preview) })
    render(<ImportPage />)
    chooseFile('名册.csv', CSV)

    expect(await screen.findByText('有问题的行（不会导入）')).toBeTruthy()
    // 文件先上传，云函数调用里只带 id
    const [source] = mockUpload.mock.calls[0]
    expect(source.name).toBe('名册.csv')
    expect(source.blob).toBeInstanceOf(File)
    expect(source.size).toBe(Buffer.byteLength(CSV))
    const [, , data] = mockCall.mock.calls[0]
    expect(data).toEqual({ fileName: '名册.csv', fileId: FILE_ID })

    expect(screen.getByText('总行数').previousSibling!.textContent).toBe('4')
    expect(screen.getByText('可导入').previousSibling!.textContent).toBe('2')
    expect(screen.getByText('有问题').previousSibling!.textContent).toBe('2')
    const line3 = screen.getByText('第 3 行').parentElement!
    expect(line3.textContent).toBe('第 3 行（无姓名）— 缺少姓名')
    const line4 = screen.getByText('第 4 行').parentElement!
    expect(line4.textContent).toContain('钱二')
    expect(line4.textContent).toContain('手机号“12345”不是 11 位手机号；职务“主任”应为')
    expect(screen.getByText('赵一')).toBeTruthy()
    expect(screen.getByText('导入 2 名成员')).toBeTruthy()
  })

  it('确认导入后显示结果，并不再显示导入按钮（防止重复导入）', async () => {
    routeCalls(mockCall, {
      'roster.previewImport': () => ok(preview),
      'roster.commitImport': () => ok({ created: 2, skipped: 2, errors: preview.errors }),
    })
    render(<ImportPage />)
    chooseFile('名册.csv', CSV)
    fireEvent.click(await screen.findByText('导入 2 名成员'))

    expect(await screen.findByText('已导入 2 名成员，跳过 2 行。')).toBeTruthy()
    expect(mockCall.mock.calls[1][1]).toBe('commitImport')
    expect(mockCall.mock.calls[1][2]).toEqual({ fileName: '名册.csv', fileId: FILE_ID })
    expect(screen.queryByText('导入 2 名成员')).toBeNull()
  })

  it('表头不对等服务端错误原样显示', async () => {
    routeCalls(mockCall, { 'roster.previewImport': () => fail('ROSTER.IMPORT_COLUMNS', '表头缺少：政治面貌') })
    render(<ImportPage />)
    chooseFile('名册.csv', CSV)
    expect((await screen.findByRole('alert')).textContent).toBe('表头缺少：政治面貌')
  })

  it('不支持的文件类型当场提示，不去请求', async () => {
    render(<ImportPage />)
    chooseFile('名册.xls', 'x')
    expect((await screen.findByRole('alert')).textContent).toContain('只支持 Excel（.xlsx）或 CSV 文件')
    expect(mockCall).not.toHaveBeenCalled()
    expect(mockUpload).not.toHaveBeenCalled()
  })

  it('上传失败：显示原因，不去检查', async () => {
    mockUpload.mockResolvedValue(fail('CLIENT.UPLOAD_FAILED', '文件上传失败，请检查网络后重新选择文件'))
    render(<ImportPage />)
    chooseFile('名册.csv', CSV)
    expect((await screen.findByRole('alert')).textContent).toBe('文件上传失败，请检查网络后重新选择文件')
    expect(mockCall).not.toHaveBeenCalled()
  })

  it('服务端按内容拒绝（改了扩展名的文件）：原样显示', async () => {
    routeCalls(mockCall, {
      'roster.previewImport': () => fail('FILE.TYPE_NOT_ALLOWED', '只支持 Excel（.xlsx）或 CSV 文件；这个文件的内容不是这些格式（可能是改了扩展名的其他文件）'),
    })
    render(<ImportPage />)
    chooseFile('名册.xlsx', 'MZ')
    expect((await screen.findByRole('alert')).textContent).toContain('改了扩展名')
  })

  it('书记打不开导入页', () => {
    actAs(secretaryProfile, useAppStore)
    render(<ImportPage />)
    expect(screen.getByText('这项功能只有政协办公室管理员可以使用')).toBeTruthy()
  })
})
