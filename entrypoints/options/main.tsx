import { render } from 'preact';
import { Options } from '@/components/options/Options';
import { wordsLanguage } from '@/lib/i18n/intl';
import { t } from '@/lib/i18n/messages';
import '@/components/shared/theme.css';
import '@/components/options/options.css';

// The page's language and title from the message catalogue (HTML pages get no __MSG_ substitution).
document.documentElement.lang = wordsLanguage();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
