import { weixinContentCheck, wordListCheck } from './content-check';

describe('内容检查', () => {
  test('本地词表挡住拆开写的违禁词', async () => {
    expect(await wordListCheck.isAcceptable('关于 赌博 网站 的治理', 'o')).toBe(false);
    expect(await wordListCheck.isAcceptable('关于加强老旧小区加装电梯的建议', 'o')).toBe(true);
  });

  test('微信判 risky 才拒绝；接口失败时放行并记日志', async () => {
    const calls: object[] = [];
    const logged: unknown[] = [];
    const make = (suggest: string | Error) =>
      weixinContentCheck(
        {
          openapi: {
            security: {
              msgSecCheck: async (o: object) => {
                calls.push(o);
                if (suggest instanceof Error) throw suggest;
                return { result: { suggest: suggest as 'pass' } };
              },
            },
          },
        },
        (e) => logged.push(e),
      );
    expect(await make('risky').isAcceptable('x', 'openid-1')).toBe(false);
    expect(await make('review').isAcceptable('x', 'openid-1')).toBe(true);
    expect(await make(new Error('timeout')).isAcceptable('x', 'openid-1')).toBe(true);
    expect(calls[0]).toMatchObject({ openid: 'openid-1', version: 2 });
    expect(logged).toHaveLength(1);
  });
});
