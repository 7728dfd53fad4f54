import '@siklus/ui/styles.css';
import './admin.css';
import { startApp } from '@siklus/ui';
import { router } from './router';

startApp(router);
