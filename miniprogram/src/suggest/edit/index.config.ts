export default definePageConfig({ navigationBarTitleText: '写建言' })
