/** Table-row level → CSS class used to indent 类/款/项 codes. */
export const LEVEL_CLASS = { class: 'level-class', section: 'level-section', item: 'level-item' } as const;
