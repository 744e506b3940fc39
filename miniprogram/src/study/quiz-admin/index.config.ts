export default definePageConfig({ navigationBarTitleText: '出题与测试' })
