#!/usr/bin/env python3
"""Draws the page's PNG icons (web/icon-192.png, web/icon-512.png) — the same
picture as web/icon.svg: three white bars on blue — with no image library."""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(size):
    blue, white = (0x0B, 0x5C, 0xAB), (0xFF, 0xFF, 0xFF)
    # Bars in the 64-unit grid of icon.svg: x 14-22 from y 30, 28-36 from 20, 42-50 from 12, to 46.
    bars = [(14, 22, 30), (28, 36, 20), (42, 50, 12)]
    rows = []
    for y in range(size):
        gy = y * 64 / size
        row = bytearray([0])
        for x in range(size):
            gx = x * 64 / size
            on = any(a <= gx < b and top <= gy < 46 for a, b, top in bars)
            row += bytes(white if on else blue)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


for size in (192, 512):
    with open(os.path.join(HERE, "..", "web", f"icon-{size}.png"), "wb") as f:
        f.write(png(size))
