export default definePageConfig({ navigationBarTitleText: '新增成员' })
