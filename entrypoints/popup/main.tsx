import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { createBrowserPopupApi } from '@/lib/popup/popup-api';
import '@/components/ui.css';
import '@/components/popup.css';

render(<PopupApp api={createBrowserPopupApi()} />, document.getElementById('app')!);
