import '@siklus/ui/styles.css';
import './supervision.css';
import { startApp } from '@siklus/ui';
import { OfflineBoot } from './offline/boot';
import { watchConnection } from './offline/online';
import { router } from './router';

watchConnection();
startApp(router, <OfflineBoot />);
