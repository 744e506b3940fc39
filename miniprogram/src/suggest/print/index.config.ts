export default definePageConfig({ navigationBarTitleText: '打印版式' })
