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

describe('Japanese sentences built subject first, verb last (patterns seen on the development set, 6 December, second pass)', () => {
  const dates = (cs: Claim[]) => cs.flatMap((c) => (c.value.type === 'dates' ? [`${c.subject} ${c.edition} ${c.value.start} ${c.value.end}`] : []));
  it('"XはY日、…演習「EX」に参加した": the subject takes part, however long the middle', () => {
    const got = roles(seedClaims('フィンランドは3日、北大西洋条約機構(NATO)が主催する大規模なサイバー防衛演習「サイバー・コアリション2022」に初めて正式に参加した。', '2022-12-04'));
    expect(got).toContain('ex:cyber-coalition 2022 country:FI participant');
  });
  it('a defence ministry as the subject stands for its country: "防衛省は…へ参加すると発表した"', () => {
    const got = roles(seedClaims('防衛省は28日、NATOのサイバー演習「サイバー・コアリション2021」へ参加すると発表した。', '2021-11-29'));
    expect(got).toContain('ex:cyber-coalition 2021 country:JP participant');
  });
  it('a subject that only reports on it does not take part: "Xは…演習「EX」に参加すると伝えた" names the reporter as nothing', () => {
    const got = roles(seedClaims('中国は、ロシアが大規模演習「ヴォストーク2018」に参加する兵士を増やすと伝えた。', '2018-08-30'));
    expect(got).not.toContain('ex:vostok 2018 country:CN participant');
  });
  it('"NATOが主催する…演習「EX」" and "NATO主催の…演習「EX」": the organizer', () => {
    expect(roles(seedClaims('日本は北大西洋条約機構(NATO)が主催する大規模サイバー演習「サイバー・コアリション2020」に参加する。', '2020-11-10'))).toContain('ex:cyber-coalition 2020 org:nato organizer');
    expect(roles(seedClaims('防衛省はNATO主催のサイバー防衛演習「サイバー・コアリション2020」へ参加すると発表した。', '2020-11-10'))).toContain('ex:cyber-coalition 2020 org:nato organizer');
  });
  it('"Xの首都・都市で開催": the country, with a city between it and the place word', () => {
    expect(places(seedClaims('サイバー・コアリション2021は、エストニア・タリンで開催される。', '2021-11-20'))).toContain('ex:cyber-coalition 2021 country:EE');
  });
  it('"実施期間は…から…まで" in the sentence after the name: the exercise\'s days', () => {
    const text = 'サイバー・コアリション2021は、エストニアで開催される。実施期間は11月29日から12月3日までとなる。';
    expect(dates(seedClaims(text, '2021-11-20'))).toContain('ex:cyber-coalition 2021 2021-11-29 2021-12-03');
  });
  it('a period in a sentence about something else is not the exercise\'s: "会談の期間は…"', () => {
    const text = 'サイバー・コアリション2021は、エストニアで開催される。首脳会談の期間は11月29日から12月3日までとなる。';
    expect(dates(seedClaims(text, '2021-11-20'))).toEqual([]);
  });
});
