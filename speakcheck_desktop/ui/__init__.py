"""The windows and widgets. They talk only to services/, never to the store, the microphone or
the network directly."""
