'use client';

import { useEffect, useRef, useState } from 'react';

// The camera part of scanning, for the Scan page, continuous check-out and audit mode. It reads
// with the browser's BarcodeDetector where there is one and loads @zxing/browser (plain JavaScript:
// no WebAssembly or worker, so the page CSP needs nothing more) only where there is not. The camera
// starts on a press, not on load: the permission prompt then follows something the user did.

type DetectedCode = { rawValue: string };
type Detector = { detect(source: HTMLVideoElement): Promise<DetectedCode[]> };
type DetectorConstructor = {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
};

// QR for our labels; the linear codes asset tags and serials are commonly printed in.
const wantedFormats = [
  'qr_code',
  'code_128',
  'code_39',
  'code_93',
  'ean_13',
  'ean_8',
  'upc_a',
  'upc_e',
  'itf',
  'data_matrix',
];
// The same code seen again within this time is the same scan, not a second one.
const repeatQuietMs = 2500;
const detectEveryMs = 250;

type Stop = () => void;

async function startNativeScanner(video: HTMLVideoElement, onText: (text: string) => void): Promise<Stop | null> {
  const BarcodeDetector = (globalThis as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector;
  if (!BarcodeDetector) return null;
  const supported = await BarcodeDetector.getSupportedFormats();
  const formats = wantedFormats.filter((format) => supported.includes(format));
  if (!formats.includes('qr_code')) return null;
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  await video.play();
  const detector = new BarcodeDetector({ formats });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = true;
  const tick = async () => {
    if (!running) return;
    try {
      if (video.readyState >= 2) for (const code of await detector.detect(video)) onText(code.rawValue);
    } catch {
      // A frame that cannot be read (the video is between sizes) is skipped.
    }
    timer = setTimeout(() => void tick(), detectEveryMs);
  };
  void tick();
  return () => {
    running = false;
    clearTimeout(timer);
    stream.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  };
}

async function startZxingScanner(video: HTMLVideoElement, onText: (text: string) => void): Promise<Stop> {
  const { BrowserMultiFormatReader } = await import('@zxing/browser');
  const reader = new BrowserMultiFormatReader();
  const controls = await reader.decodeFromConstraints(
    { video: { facingMode: 'environment' }, audio: false },
    video,
    (result) => {
      if (result) onText(result.getText());
    },
  );
  return () => controls.stop();
}

function cameraProblem(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError') return 'The camera was not allowed. Allow it in the browser, or type the code below.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found. Type the code below.';
  if (typeof navigator !== 'undefined' && !navigator.mediaDevices)
    return 'This browser offers no camera here (the page must be opened over HTTPS). Type the code below.';
  return 'The camera could not be started. Type the code below.';
}

/** A camera preview that calls `onCode` with the text of each code it reads. */
export function CodeScanner({ onCode, label = 'Camera' }: { onCode: (text: string) => void; label?: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const stop = useRef<Stop | null>(null);
  const onCodeRef = useRef(onCode);
  const lastSeen = useRef<{ text: string; at: number } | null>(null);
  const [state, setState] = useState<'off' | 'starting' | 'on'>('off');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);
  useEffect(() => () => stop.current?.(), []);

  const onText = (text: string) => {
    const now = Date.now();
    const last = lastSeen.current;
    if (last && last.text === text && now - last.at < repeatQuietMs) return;
    lastSeen.current = { text, at: now };
    onCodeRef.current(text);
  };

  const start = async () => {
    if (!video.current) return;
    setProblem(null);
    setState('starting');
    try {
      stop.current =
        (await startNativeScanner(video.current, onText)) ?? (await startZxingScanner(video.current, onText));
      setState('on');
    } catch (error) {
      setProblem(cameraProblem(error));
      setState('off');
    }
  };

  const end = () => {
    stop.current?.();
    stop.current = null;
    setState('off');
  };

  return (
    <div className="code-scanner">
      <video ref={video} className="code-scanner-video" hidden={state === 'off'} muted playsInline aria-label={label} />
      <div className="actions">
        {state === 'on' ? (
          <button type="button" className="secondary" onClick={end}>
            Stop camera
          </button>
        ) : (
          <button type="button" onClick={() => void start()} disabled={state === 'starting'}>
            {state === 'starting' ? 'Starting camera…' : 'Scan with the camera'}
          </button>
        )}
      </div>
      <p role="status" className={problem ? 'notice error' : 'visually-hidden'}>
        {problem ?? (state === 'on' ? 'Camera on: point it at a label.' : '')}
      </p>
    </div>
  );
}
