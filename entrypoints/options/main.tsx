import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import { createOptionsApi } from '@/lib/options/store';
import '@/components/ui.css';
import '@/components/options.css';
import '@/components/notes.css';
import '@/components/kb.css';

render(<OptionsApp api={createOptionsApi()} />, document.getElementById('app')!);
