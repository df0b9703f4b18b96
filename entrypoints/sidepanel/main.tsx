import { render } from 'preact';
import { Panel } from '@/components/panel/Panel';
import { parsePanelParams } from '@/components/panel/model';
import '@/components/shared/theme.css';
import '@/components/panel/panel.css';

render(<Panel params={parsePanelParams(location.search)} />, document.getElementById('app')!);
