import { dateField, fieldType, fieldValue, shorten, timeField } from './subscribe-fields';

const len = (s: string) => Array.from(s).length;

describe('订阅消息字段', () => {
  test('不超长的原样保留', () => {
    expect(shorten('十二月主题党日', 20)).toBe('十二月主题党日');
  });

  test('超长时先去掉括号里的补充说明', () => {
    expect(shorten('经济委功能型党支部主题党日活动（请携带党员证、笔记本）', 20)).toBe('经济委功能型党支部主题党日活动');
  });

  test('再去掉“关于”之类的冗余前缀', () => {
    expect(shorten('关于召开二〇二六年度经济委功能型党支部组织生活会', 20)).toBe('二〇二六年度经济委功能型党支部组织生活会');
  });

  test('仍超长时在标点处截断并加省略号', () => {
    const s = shorten('学习全会精神，交流履职体会，研究部署下一阶段调研工作安排', 20);
    expect(s).toBe('学习全会精神，交流履职体会…');
    expect(len(s)).toBeLessThanOrEqual(20);
  });

  test('没有可断开的位置时硬截断，长度恰为上限', () => {
    const s = shorten('一二三四五六七八九十一二三四五六七八九十一二三', 20);
    expect(len(s)).toBe(20);
    expect(s.endsWith('…')).toBe(true);
  });

  test('从不切开代理对（生僻字、表情）', () => {
    const s = shorten('𠀀'.repeat(30), 20);
    expect(len(s)).toBe(20);
    expect(s).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(fieldValue('phrase1', '𠀀𠀀𠀀𠀀𠀀𠀀𠀀')).toBe('𠀀𠀀𠀀𠀀𠀀');
  });

  test('time 字段按北京时间写成 2026年12月03日 14:30', () => {
    expect(timeField(new Date('2026-12-03T06:30:00Z'))).toBe('2026年12月03日 14:30');
    expect(fieldValue('time2', '2026-12-03T14:30:00+08:00')).toBe('2026年12月03日 14:30');
    expect(dateField(new Date('2026-12-31T16:30:00Z'))).toBe('2027年01月01日');
  });

  test('按键名前缀定类型：phrase ≤ 5，character_string 去掉汉字 ≤ 32，thing ≤ 20', () => {
    expect(fieldType('character_string12')).toBe('character_string');
    expect(fieldValue('phrase3', '已批准请假')).toBe('已批准请假');
    expect(fieldValue('phrase3', '已经批准了请假')).toBe('已经批准了');
    expect(fieldValue('character_string1', '编号ABC-123' + 'x'.repeat(40))).toHaveLength(32);
    expect(len(fieldValue('thing4', '很长'.repeat(20)))).toBeLessThanOrEqual(20);
    expect(fieldValue('thing4', '   ')).toBe('—');
  });
});
