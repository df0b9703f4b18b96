/**
 * Who takes part, observes or organizes, and where, in Chinese and Japanese reporting (patterns seen on
 * the development set, 6 December). Every sentence is our own, for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../lib/types';
import { seedClaims } from './seed-claims';

const roles = (cs: Claim[]) => cs.flatMap((c) => (c.value.type === 'role' ? [`${c.subject} ${c.edition} ${c.value.entity} ${c.value.role}`] : []));
const places = (cs: Claim[]) => cs.flatMap((c) => (c.value.type === 'location' ? [`${c.subject} ${c.edition} ${c.value.country}`] : []));

describe('joint exercises named with their members', () => {
  it('Chinese: "俄罗斯与白俄罗斯“西方-2017”联合军演" names both as taking part', () => {
    const got = roles(seedClaims('俄罗斯与白俄罗斯“西方-2017”联合军演本周在多个训练场展开。', '2017-09-15'));
    expect(got).toEqual(expect.arrayContaining(['ex:zapad 2017 country:RU participant', 'ex:zapad 2017 country:BY participant']));
  });
  it('Japanese: "ロシアとベラルーシの大規模軍事演習「ザーパド2017」" names both as taking part', () => {
    const got = roles(seedClaims('ロシアとベラルーシの大規模軍事演習「ザーパド2017」が14日に始まった。', '2017-09-14'));
    expect(got).toEqual(expect.arrayContaining(['ex:zapad 2017 country:RU participant', 'ex:zapad 2017 country:BY participant']));
  });
  it('a country before the name that is not joined to another is not made a member: "中国关注“西方-2017”演习"', () => {
    expect(roles(seedClaims('日本媒体关注俄罗斯“西方-2017”演习的规模。', '2017-09-15'))).not.toContain('ex:zapad 2017 country:JP participant');
  });
});

describe('"both countries" of a joint exercise', () => {
  it('Japanese: "ロシアとベラルーシで12日、両国の合同軍事演習「ザーパド2025」が始まった"', () => {
    const got = roles(seedClaims('ロシアと同盟国ベラルーシで12日、両国の合同軍事演習「ザーパド2025」が始まった。', '2025-09-12'));
    expect(got).toEqual(expect.arrayContaining(['ex:zapad 2025 country:RU participant', 'ex:zapad 2025 country:BY participant']));
  });
  it('three countries before "両国" leave it unresolved', () => {
    const got = roles(seedClaims('日本はロシアとベラルーシで12日に始まった両国の合同軍事演習「ザーパド2025」を注視している。', '2025-09-12'));
    expect(got).not.toContain('ex:zapad 2025 country:JP participant');
  });
});

describe('the bloc whose exercise it is', () => {
  it('Japanese "NATOのサイバー防衛演習「サイバー・コアリション」" and Chinese "北约的“网络联盟”演习": the organizer', () => {
    expect(roles(seedClaims('NATOのサイバー防衛演習「サイバー・コアリション2019」が2日に始まった。', '2019-12-03'))).toContain('ex:cyber-coalition 2019 org:nato organizer');
    expect(roles(seedClaims('北约的“网络联盟2019”网络防御演习于12月2日开始。', '2019-12-03'))).toContain('ex:cyber-coalition 2019 org:nato organizer');
  });
});

describe('observers listed far from their word', () => {
  it('Chinese: a list of seven countries whose invited representatives observed', () => {
    const text = '“西方-2017”联合军演目前正在进行中。拉脱维亚、立陶宛、挪威、波兰、乌克兰、瑞典和爱沙尼亚的受邀代表以及多家媒体的记者在靶场对空军演练进行了观察。';
    const got = roles(seedClaims(text, '2017-09-18'));
    for (const c of ['LV', 'LT', 'NO', 'PL', 'UA', 'SE', 'EE']) expect(got).toContain(`ex:zapad 2017 country:${c} observer`);
  });
});

describe('places', () => {
  it('Chinese: "在白俄罗斯及3个俄罗斯靶场举行": both countries', () => {
    expect(places(seedClaims('“西方-2017”战略演习将于9月14日至20日在白俄罗斯及3个俄罗斯靶场举行。', '2017-09-01'))).toEqual(['ex:zapad 2017 country:BY', 'ex:zapad 2017 country:RU']);
  });
});
