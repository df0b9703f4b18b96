/**
 * Registers the English catalogue as the message source for Node (the CLI, tests, scripts); the
 * extension needs none, the browser reads public/_locales itself. Numbers and dates are then
 * formatted as British English, the variety the English messages are written in.
 */
import english from '../../public/_locales/en/messages.json';
import { catalogueSource } from './catalogue';
import { useMessageSource } from './source';

useMessageSource(catalogueSource([english], 'en-GB'));
