// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { lazyScreen } from '../../../renderer/src/app/lazy-screen';
import { renderUi } from '../helpers/dom';

describe('lazyScreen', () => {
  it('while a screen loads, says so as a status that axe-core accepts (no aria-label on a plain element)', async () => {
    const Never = lazyScreen<object>(() => new Promise(() => undefined), 'Settings');
    const { container } = renderUi(<Never />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Loading Settings');
    const result = await axe.run(container, { runOnly: { type: 'rule', values: ['aria-prohibited-attr', 'aria-allowed-attr'] } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
