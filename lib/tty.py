"""Put a terminal into raw or cbreak mode, on top of termios."""

from termios import *

__all__ = ["cfmakeraw", "cfmakecbreak", "setraw", "setcbreak"]

# Positions in the list that tcgetattr() returns.
IFLAG = 0
OFLAG = 1
CFLAG = 2
LFLAG = 3
ISPEED = 4
OSPEED = 5
CC = 6


def _single_char_reads(mode):
    # A read returns as soon as one byte is there, with no inter-byte timer; the cc
    # list is copied so a caller's tuple or shared list is never modified.
    cc = list(mode[CC])
    cc[VMIN] = 1
    cc[VTIME] = 0
    mode[CC] = cc


def cfmakeraw(mode):
    """Turn a tcgetattr()-style list into raw mode, in place (like cfmakeraw(3))."""
    mode[IFLAG] &= ~(IGNBRK | BRKINT | IGNPAR | PARMRK | INPCK | ISTRIP |
                     INLCR | IGNCR | ICRNL | IXON | IXANY | IXOFF)
    mode[OFLAG] &= ~OPOST
    mode[CFLAG] &= ~(PARENB | CSIZE)
    mode[CFLAG] |= CS8
    mode[LFLAG] &= ~(ECHO | ECHOE | ECHOK | ECHONL | ICANON | IEXTEN | ISIG |
                     NOFLSH | TOSTOP)
    _single_char_reads(mode)


def cfmakecbreak(mode):
    """Turn a tcgetattr()-style list into cbreak mode, in place: no echo and no line
    editing, but signals and output processing stay on."""
    mode[LFLAG] &= ~(ECHO | ICANON)
    _single_char_reads(mode)


def setraw(fd, when=TCSAFLUSH):
    """Switch terminal fd to raw mode; return the previous attributes."""
    old = tcgetattr(fd)
    new = list(old)
    cfmakeraw(new)
    tcsetattr(fd, when, new)
    return old


def setcbreak(fd, when=TCSAFLUSH):
    """Switch terminal fd to cbreak mode; return the previous attributes."""
    old = tcgetattr(fd)
    new = list(old)
    cfmakecbreak(new)
    tcsetattr(fd, when, new)
    return old
