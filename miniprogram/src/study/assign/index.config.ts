export default definePageConfig({ navigationBarTitleText: '布置必学' })
