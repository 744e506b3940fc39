export default definePageConfig({ navigationBarTitleText: '建言办理' })
