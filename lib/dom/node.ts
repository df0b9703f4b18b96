/** Registers linkedom as the DOM parser for Node (CLI, tests, scripts); browsers use their own. */
import { DOMParser } from 'linkedom';
import { useFallbackDomParser, type DomParserLike } from './parse';

useFallbackDomParser(() => new DOMParser() as unknown as DomParserLike);
