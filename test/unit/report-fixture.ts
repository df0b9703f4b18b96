/**
 * Synthetic annotation for the report and panel tests (made up, not from a real article): a page
 * about Cyber Coalition 2019 with four claims. Reuters is an origin, AFP-FR translates Reuters,
 * ERR is independent and Le Monde quotes AFP-FR (so it also retells Reuters).
 */
import type { AnnotatedClaim, Annotation, Evidence, SourceSummary } from '../../lib/types';

export const reuters: SourceSummary = {
  id: 'imp:reuters',
  title: 'NATO holds Cyber Coalition drill',
  outlet: 'Reuters',
  published: '2019-12-02',
  url: 'https://www.reuters.com/cc2019',
  derivedFrom: null,
  origin: 'bundled',
  entities: ['ex:cyber-coalition'],
};
export const afp: SourceSummary = {
  id: 'imp:afp-fr',
  title: "L'OTAN organise Cyber Coalition",
  outlet: 'AFP (French)',
  published: '2019-12-03',
  url: 'https://afp.example/fr/cc',
  derivedFrom: 'imp:reuters',
  derivation: 'translation',
  origin: 'imported',
  entities: ['ex:cyber-coalition'],
};
export const lemonde: SourceSummary = {
  id: 'imp:lemonde',
  title: 'Cyberdéfense: exercice',
  outlet: 'Le Monde',
  published: '2019-12-05',
  url: 'javascript:alert(1)',
  derivedFrom: 'imp:afp-fr',
  derivation: 'citation',
  origin: 'imported',
  entities: ['ex:cyber-coalition'],
};
export const err: SourceSummary = {
  id: 'imp:err',
  title: 'Estonia hosts cyber exercise',
  outlet: 'ERR',
  published: '2019-12-01',
  url: 'https://news.err.ee/cc',
  derivedFrom: null,
  origin: 'bundled',
  entities: ['ex:cyber-coalition', 'country:EE'],
};
export const unrelated: SourceSummary = {
  id: 'imp:other',
  title: 'Estonia budget',
  outlet: 'Postimees',
  published: null,
  url: null,
  derivedFrom: null,
  origin: 'imported',
  entities: ['country:EE'],
};

function ev(source: SourceSummary, value: Evidence['value'], text: string, independent: boolean): Evidence {
  const { id, title, outlet, published, url } = source;
  return { source: { id, title, outlet, published, url }, value, text, independent, relation: 'agree' };
}

const participants: AnnotatedClaim = {
  subject: 'ex:cyber-coalition',
  subjectName: 'Cyber Coalition',
  edition: 2019,
  kind: 'participants',
  value: { type: 'count', stated: [30], hedge: 'more-than' },
  text: 'more than 30 participants',
  start: 40,
  end: 65,
  sentence: 'The drill drew more than 30 participants.',
  verdict: 'corroborated',
  origins: 2,
  other: [],
  corroborating: [
    ev(reuters, { type: 'count', stated: [33], hedge: 'exact' }, 'Some 33 participants took part.', true),
    ev(afp, { type: 'count', stated: [33], hedge: 'exact' }, '33 participants.', false),
    ev(err, { type: 'count', stated: [30], hedge: 'more-than' }, 'More than 30 nations and teams.', true),
  ],
  conflicting: [],
};
const dates: AnnotatedClaim = {
  subject: 'ex:cyber-coalition',
  subjectName: 'Cyber Coalition',
  edition: 2019,
  kind: 'dates',
  value: { type: 'dates', start: '2019-12-02', end: '2019-12-06', precision: 'day' },
  text: 'from 2 to 6 December',
  start: 10,
  end: 30,
  sentence: 'Cyber Coalition ran from 2 to 6 December.',
  verdict: 'conflicting',
  origins: 0,
  other: [],
  corroborating: [],
  conflicting: [{ ...ev(lemonde, { type: 'dates', start: '2019-11-25', end: '2019-11-29', precision: 'day' }, 'du 25 au 29 novembre', false), relation: 'conflict' }],
};
const location: AnnotatedClaim = {
  subject: 'ex:cyber-coalition',
  subjectName: 'Cyber Coalition',
  edition: 2019,
  kind: 'location',
  value: { type: 'location', country: 'country:EE', city: 'Tartu' },
  text: 'in Tartu',
  start: 70,
  end: 78,
  sentence: 'It was run from Tartu, "Estonia" | *live*.',
  verdict: 'corroborated',
  origins: 1,
  other: [],
  corroborating: [ev(err, { type: 'location', country: 'country:EE', city: 'Tartu' }, 'Held in Tartu.', true)],
  conflicting: [],
};
const role: AnnotatedClaim = {
  subject: 'ex:cyber-coalition',
  subjectName: 'Cyber Coalition',
  edition: 2019,
  kind: 'role',
  value: { type: 'role', entity: 'country:JP', role: 'observer', from: 2015, to: 2018 },
  text: 'Japan observed',
  start: 90,
  end: 104,
  sentence: '=HYPERLINK("x") Japan observed from 2015 to 2018.',
  verdict: 'unverified',
  origins: 0,
  other: [],
  corroborating: [],
  conflicting: [],
};

export function fixtureAnnotation(): Annotation {
  return {
    title: 'NATO cyber drill: Cyber Coalition 2019',
    published: '2019-12-04',
    url: 'https://news.example/cc2019?x=1',
    text: '',
    mentions: [
      { type: 'exercise', id: 'ex:cyber-coalition', name: 'Cyber Coalition', text: 'Cyber Coalition', start: 10, end: 25, confidence: 1, form: 'name', edition: 2019 },
      { type: 'exercise', id: 'ex:cyber-coalition', name: 'Cyber Coalition', text: 'Cyber Coalition', start: 120, end: 135, confidence: 1, form: 'name' },
      { type: 'country', id: 'country:EE', name: 'Estonia', text: 'Estonia', start: 80, end: 87, confidence: 1, form: 'name' },
      { type: 'organization', id: 'org:nato', name: 'NATO', text: 'NATO', start: 0, end: 4, confidence: 1, form: 'acronym' },
    ],
    // Out of page order on purpose: the table and exports order by position.
    claims: [participants, dates, location, role],
    sources: [reuters, afp, lemonde, err, unrelated],
    pageDerivedFrom: null,
  };
}
