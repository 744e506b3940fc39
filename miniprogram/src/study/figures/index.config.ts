export default definePageConfig({ navigationBarTitleText: '必学完成情况' })
