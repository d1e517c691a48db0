import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { cssVariablesResolver, theme } from './app/theme';

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
      {/* Bottom right: toasts never cover the header's identity, endpoint and Disconnect. */}
      <Notifications position="bottom-right" />
      <App />
    </MantineProvider>
  </StrictMode>,
);
