export default definePageConfig({ navigationBarTitleText: '公开的建言' })
