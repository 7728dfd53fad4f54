import '@siklus/ui/styles.css';
import './supervision.css';
import { startApp } from '@siklus/ui';
import { router } from './router';

startApp(router);
