export default definePageConfig({ navigationBarTitleText: '建言详情' })
