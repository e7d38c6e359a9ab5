/** Short messages at the edge of the screen (saved, imported, failed). Errors stay until dismissed. */
export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  /** Extra lines (validation errors with their field paths). */
  details?: string[];
}

export class Toasts {
  items = $state<Toast[]>([]);
  private next = 1;

  show(kind: Toast['kind'], text: string, details?: string[], ms = kind === 'error' ? 0 : 4000): number {
    const id = this.next++;
    this.items = [...this.items, { id, kind, text, details }];
    if (ms > 0) setTimeout(() => this.dismiss(id), ms);
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}
