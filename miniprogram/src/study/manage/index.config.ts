export default definePageConfig({ navigationBarTitleText: '管理学习材料' })
