import { INVITE_ALPHABET, normalizeInviteCode } from '@tongxin/shared-types';
import { BIND_MAX_FAILURES, BIND_WINDOW_MS, INVITE_LENGTH, bindLockedUntil, composeInviteCode, hashInviteCode } from './invite';

const T0 = new Date('2026-11-26T09:00:00+08:00').getTime();
const at = (minutes: number, seconds = 0) => new Date(T0 + minutes * 60_000 + seconds * 1000);

describe('邀请码', () => {
  test('由随机整数拼成 8 位，只用不易混淆的字符', () => {
    const seq = [0, 1, 2, 3, 28, 29, 30, 31];
    let i = 0;
    const asked: number[] = [];
    const code = composeInviteCode((max) => {
      asked.push(max);
      return seq[i++];
    });
    expect(code).toBe('2345WXYZ');
    expect(code).toHaveLength(INVITE_LENGTH);
    expect(asked).toEqual(Array(INVITE_LENGTH).fill(INVITE_ALPHABET.length));
    expect(INVITE_ALPHABET).not.toMatch(/[01OI]/);
  });

  test('用户输入的小写、空格与横线都归一', () => {
    expect(normalizeInviteCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normalizeInviteCode('ab cd\tef-gh')).toBe('ABCDEFGH');
  });

  test('库里只存哈希：同码同哈希，不同码不同哈希，哈希里看不出原码', () => {
    expect(hashInviteCode('ABCDEFGH')).toBe(hashInviteCode('ABCDEFGH'));
    expect(hashInviteCode('ABCDEFGH')).not.toBe(hashInviteCode('ABCDEFGJ'));
    expect(hashInviteCode('ABCDEFGH')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInviteCode('ABCDEFGH')).not.toContain('ABCDEFGH');
  });
});

describe('绑定失败的锁定窗口（十分钟内五次）', () => {
  test('常量：五次、十分钟', () => {
    expect(BIND_MAX_FAILURES).toBe(5);
    expect(BIND_WINDOW_MS).toBe(10 * 60_000);
  });

  test('不足五次不锁', () => {
    expect(bindLockedUntil([], at(0))).toBeNull();
    expect(bindLockedUntil([at(0), at(1), at(2), at(3)], at(4))).toBeNull();
  });

  test('第五次失败后锁到最早那次满十分钟', () => {
    const failures = [at(0), at(1), at(2), at(3), at(4)];
    expect(bindLockedUntil(failures, at(4))).toEqual(at(10));
    expect(bindLockedUntil(failures, at(9, 59))).toEqual(at(10));
  });

  test('满十分钟那一刻解锁（最早那次已出窗口）', () => {
    expect(bindLockedUntil([at(0), at(1), at(2), at(3), at(4)], at(10))).toBeNull();
  });

  test('六次失败：锁到窗口里只剩四次为止（倒数第五次满十分钟）', () => {
    const failures = [at(0), at(2), at(3), at(4), at(5), at(6)];
    expect(bindLockedUntil(failures, at(6))).toEqual(at(12));
    // 10 分时第 0 分那次出窗口，仍有五次（2–6 分）
    expect(bindLockedUntil(failures, at(10))).toEqual(at(12));
    expect(bindLockedUntil(failures, at(12))).toBeNull();
  });

  test('滑动窗口：解锁后马上再错一次，又锁到下一次旧失败出窗口', () => {
    expect(bindLockedUntil([at(0), at(1), at(2), at(3), at(4), at(10)], at(10))).toEqual(at(11));
  });

  test('窗口外的旧失败不算', () => {
    expect(bindLockedUntil([at(-30), at(-20), at(-11), at(1), at(2)], at(3))).toBeNull();
  });

  test('输入顺序无关', () => {
    expect(bindLockedUntil([at(4), at(0), at(3), at(1), at(2)], at(5))).toEqual(at(10));
  });

  test('同一时刻的五次失败也锁定', () => {
    expect(bindLockedUntil(Array(5).fill(at(0)), at(0))).toEqual(at(10));
  });
});

describe('谁可以为谁签发邀请码', () => {
  const { inviteRefusal } = require('./invite') as typeof import('./invite');
  const plain = { isAdmin: false, managesBranch: false };
  test('书记为普通成员签发可以', () => expect(inviteRefusal({ isAdmin: false }, plain)).toBeNull());
  test('书记为管理员签发：拒绝', () => expect(inviteRefusal({ isAdmin: false }, { isAdmin: true, managesBranch: false })).toBe('ROSTER.INVITE_ABOVE'));
  test('书记为另一位书记或党务干部签发：拒绝', () =>
    expect(inviteRefusal({ isAdmin: false }, { isAdmin: false, managesBranch: true })).toBe('ROSTER.INVITE_ABOVE'));
  test('办公室为任何人签发都可以（含新设的管理员）', () => {
    expect(inviteRefusal({ isAdmin: true }, { isAdmin: true, managesBranch: true })).toBeNull();
    expect(inviteRefusal({ isAdmin: true }, plain)).toBeNull();
  });
});
