/** The 术语表 / Glossary dialog: open or closed, and the figure to show first (from a figure's "?" button). */
class GlossaryState {
  open = $state(false);
  focus = $state<string | null>(null);

  show(id: string | null = null): void {
    this.focus = id;
    this.open = true;
  }

  close(): void {
    this.open = false;
  }
}

export const glossary = new GlossaryState();
