export default definePageConfig({ navigationBarTitleText: '提醒与短信' })
