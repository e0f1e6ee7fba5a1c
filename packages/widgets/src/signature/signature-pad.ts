/**
 * Freehand drawing on a canvas with pointer events (mouse, touch, pen).
 * Coordinates are scaled from CSS pixels to the canvas's own resolution,
 * so the image is the same whatever size the canvas is shown at.
 * Returns a function that detaches the listeners.
 */
export function attachSignaturePad(
  canvas: HTMLCanvasElement,
  enabled: () => boolean,
  onEnd: () => void,
): () => void {
  const context = canvas.getContext('2d')!;
  let drawing = false;

  const point = (e: PointerEvent): [number, number] => {
    const box = canvas.getBoundingClientRect();
    return [
      ((e.clientX - box.left) * canvas.width) / box.width,
      ((e.clientY - box.top) * canvas.height) / box.height,
    ];
  };
  const down = (e: PointerEvent) => {
    if (e.button !== 0 || !enabled()) return;
    drawing = true;
    canvas.setPointerCapture(e.pointerId);
    context.lineWidth = 3;
    context.lineCap = context.lineJoin = 'round';
    context.strokeStyle = '#111';
    context.beginPath();
    context.moveTo(...point(e));
    e.preventDefault();
  };
  const move = (e: PointerEvent) => {
    if (!drawing) return;
    context.lineTo(...point(e));
    context.stroke();
  };
  const up = () => {
    if (!drawing) return;
    drawing = false;
    onEnd();
  };
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);
  return () => {
    canvas.removeEventListener('pointerdown', down);
    canvas.removeEventListener('pointermove', move);
    canvas.removeEventListener('pointerup', up);
    canvas.removeEventListener('pointercancel', up);
  };
}

/** Paints white paper; the stored PNG prints the same in light and dark themes. */
export function clearCanvas(canvas: HTMLCanvasElement): void {
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
}

/** Writes a typed name in a handwriting-like font, centred. */
export function writeName(canvas: HTMLCanvasElement, name: string): void {
  clearCanvas(canvas);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#111';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.font = 'italic 56px "Segoe Script", "Brush Script MT", "Snell Roundhand", cursive';
  context.fillText(name, canvas.width / 2, canvas.height / 2, canvas.width - 40);
}

/** Shows a stored signature image (after a reset or a prefill). */
export function paintImage(canvas: HTMLCanvasElement, dataUrl: string): void {
  clearCanvas(canvas);
  if (!dataUrl) return;
  const image = new Image();
  image.onload = () => canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
  image.src = dataUrl;
}
