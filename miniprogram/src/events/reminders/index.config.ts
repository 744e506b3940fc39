export default definePageConfig({ navigationBarTitleText: '提醒送达情况' })
