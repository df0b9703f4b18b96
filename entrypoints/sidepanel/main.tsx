import { render } from 'preact';
import { wordsLanguage } from '@/lib/i18n/intl';
import { Panel } from '@/components/panel/Panel';
import { parsePanelParams } from '@/components/panel/model';
import '@/components/shared/theme.css';
import '@/components/panel/panel.css';

document.documentElement.lang = wordsLanguage();
render(<Panel params={parsePanelParams(location.search)} />, document.getElementById('app')!);
