export default definePageConfig({ navigationBarTitleText: '办理交办事项' })
