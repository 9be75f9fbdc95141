import { describe, expect, test } from 'vitest';
import { BLOCK_ROUTES, routeForTodo, todoPath } from './todoRoutes';

describe('routeForTodo', () => {
  test('each rule of the next step goes to the screen that does it', () => {
    expect(routeForTodo('add_stakeholders')).toBe('betrokkenen');
    expect(routeForTodo('interview')).toBe('interview');
    expect(routeForTodo('follow_up')).toBe('betrokkenen');
    expect(routeForTodo('find_shared_interests')).toBe('belangen');
    expect(routeForTodo('start_project')).toBe('belangen');
    expect(routeForTodo('business_case')).toBe('projecten');
    expect(routeForTodo('choose_organisation')).toBe('organisatie');
    expect(routeForTodo('assess')).toBe('organisatiegraad');
    expect(routeForTodo('reassess')).toBe('organisatiegraad');
  });

  test('an unknown code, or none, has no screen (and no prototype key sneaks in)', () => {
    expect(routeForTodo('something_new')).toBeNull();
    expect(routeForTodo('toString')).toBeNull();
    expect(routeForTodo('')).toBeNull();
    expect(routeForTodo(null)).toBeNull();
    expect(routeForTodo(undefined)).toBeNull();
  });

  test('todoPath is absolute under the park', () => {
    expect(todoPath('p-1', 'assess')).toBe('/parken/p-1/organisatiegraad');
    expect(todoPath('p 1', 'interview')).toBe('/parken/p%201/interview');
    expect(todoPath('p-1', 'nope')).toBeNull();
  });

  test('every block has a screen', () => {
    expect(Object.keys(BLOCK_ROUTES)).toEqual(['inventory', 'shared_interests', 'projects', 'organisation', 'organisatiegraad']);
  });
});
