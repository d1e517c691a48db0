import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { cssVariablesResolver, theme } from './app/theme';

// The toast container is not part of the first screen: it loads right after it. Toasts shown
// before then wait in Mantine's notifications store and appear once it mounts.
const Toasts = lazy(() => import('./app/Toasts').then((m) => ({ default: m.Toasts })));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Dropdowns, modals and notifications render in a portal at the end of <body>; a labelled region
// keeps that content inside a landmark for screen-reader users (axe "region").
const popups = document.createElement('div');
popups.setAttribute('role', 'region');
popups.setAttribute('aria-label', 'Pop-ups');
document.body.appendChild(popups);
const appTheme = mergeThemeOverrides(theme, createTheme({ components: { Portal: { defaultProps: { target: popups } } } }));

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={appTheme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Suspense fallback={null}>
        <Toasts />
      </Suspense>
      <App />
    </MantineProvider>
  </StrictMode>,
);
